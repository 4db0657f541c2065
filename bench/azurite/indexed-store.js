// Loaded into Azurite by the bench's `--azurite-store indexed` (node --require this-file azurite.js ...).
//
// Why: on stock Azurite 3.35 every queue operation slows in proportion to the messages stored in the
// account, hidden ones included (bench/results/2026-12-01-azurite.md), and a parked case's durable
// timer is a hidden message. A CPU profile of Azurite at 50 000 hidden messages shows why: each
// dequeue, delete and update first sweeps expired messages, and the sweep removes what it found with
// LokiJS's batch remove even when it found nothing, and a dequeue marks its messages with a batch
// update even when none were due; LokiJS's batch remove and update rebuild every index of the
// collection by sorting all its messages (`ensureAllIndexes(true)`, 64 % of Azurite's time in that
// profile). Besides, every query names the account first, LokiJS answers only the first condition from
// an index, and every message has the same account, so each query also walks all messages.
// Tables have a kindred cost (below). Azure Storage has none of these costs. Azurite 3.36 began the
// fix upstream (message id first in delete and update), but 3.36 and later need Node 21+ and this
// machine has Node 20.
//
// What: removing an empty batch does nothing (as it should: nothing is removed), an update of a message
// changed in place repositions it in the one index whose field changed (the visibility time) instead of
// walking them all, and each query starts from the condition whose index holds the fewest messages (message
// id, expiry, visibility, queue), with indexes on the expiry and visibility times.
// Further down, the same for tables (partition queries, point reads), the dequeue's sort and the extent
// garbage collector, each with its reason.
// A query's conditions are all still applied (AND does not depend on order) and results are sorted as
// before, so Azurite answers the same; only how fast changes (`node bench/azurite/check-indexed-store.js`
// compares them with LokiJS's own answers). Used by the bench only; ./run.sh and the tests run stock Azurite.
// Measured in bench/results/2026-12-02-azurite-indexed.md (before the visibility index): at 100 000 stored,
// dequeue + delete 2 ms and a history read 0.5 ms (stock at 50 000: 484 ms and 3-10 ms).
"use strict";

const path = require("path");
const azuriteRoot = path.dirname(require.resolve("azurite/package.json", { paths: [process.cwd(), __dirname] }));
const version = require(path.join(azuriteRoot, "package.json")).version;
if (version !== "3.35.0") {
  // The query shapes below are read from 3.35.0; on another version check them again before trusting the figures.
  throw new Error(`indexed-store.js was written for Azurite 3.35.0, found ${version}`);
}

const store = require(path.join(azuriteRoot, "dist/src/queue/persistence/LokiQueueMetadataStore")).default;
const tableStore = require(path.join(azuriteRoot, "dist/src/table/persistence/LokiTableMetadataStore")).default;

// The condition whose index holds the fewest messages goes first (LokiJS answers only the first from an
// index), found from the indexes in O(log n): a delete's message id, the expiry sweep's `expirationTime <= now`
// (nearly always empty), a dequeue's `timeNextVisible <= now` (the visible ones) or its queue, whichever is
// smaller. Conditions without an index, or of another shape, keep their order after these.
const rangeOps = new Set(["$eq", "$lt", "$lte", "$gt", "$gte"]);

function width(collection, key, condition) {
  const index = collection.binaryIndices[key];
  if (!index || index.dirty) {
    return Infinity;
  }
  let op = "$eq";
  let value = condition;
  if (condition !== null && typeof condition === "object") {
    const ops = Object.keys(condition);
    if (ops.length !== 1 || !rangeOps.has(ops[0])) {
      return Infinity;
    }
    op = ops[0];
    value = condition[op];
  } else if (typeof condition !== "string" && typeof condition !== "number") {
    return Infinity;
  }
  const [low, high] = collection.calculateRange(op, key, value);
  return high - low + 1;
}

function ordered(collection, query) {
  if (query === null || typeof query !== "object" || Array.isArray(query)) {
    return query;
  }
  const keys = Object.keys(query);
  if (keys.length < 2 || keys.some((key) => key.startsWith("$"))) {
    return query;
  }
  const widths = new Map(keys.map((key) => [key, width(collection, key, query[key])]));
  keys.sort((a, b) => widths.get(a) - widths.get(b));
  const result = {};
  for (const key of keys) {
    result[key] = query[key];
  }
  return result;
}

function indexed(collection) {
  if (collection.tilskuddIndexed) {
    return;
  }
  // No update changes a message's expiry, so this index stays right as the updates below keep it.
  collection.ensureIndex("expirationTime");
  collection.ensureIndex("timeNextVisible");
  const remove = collection.remove.bind(collection);
  collection.remove = (doc) => (Array.isArray(doc) && doc.length === 0 ? undefined : remove(doc));
  // Azurite changes a message in place (a dequeue's pop receipt, visibility and count; an update's text and
  // visibility) and then calls update(). LokiJS hands out its own objects here (the collection does not
  // clone), so the stored message has already changed. Of the fields Azurite changes, only the visibility
  // time is indexed (here); LokiJS's update() would walk every index of the whole collection (a batch update
  // even re-sorts them all), at a cost that grows with the messages parked. So an update of stored messages
  // takes them out of the visibility index (found by position: their old place is not where their new value
  // would be) and puts each back by binary search among the unchanged ones; any other update goes to LokiJS.
  const update = collection.update.bind(collection);
  collection.update = (doc) => {
    const moved = new Set();
    for (const one of Array.isArray(doc) ? doc : [doc]) {
      const [stored, position] = (one && one.$loki !== undefined && collection.get(one.$loki, true)) || [];
      if (stored === one) {
        moved.add(position);
      } else {
        update(one);
      }
    }
    if (moved.size > 0) {
      const index = collection.binaryIndices.timeNextVisible;
      index.values = index.values.filter((position) => !moved.has(position));
      for (const position of moved) {
        collection.adaptiveBinaryIndexInsert(position, "timeNextVisible");
      }
      collection.dirty = true;
    }
  };
  for (const name of ["findOne", "find", "count", "findAndRemove"]) {
    const original = collection[name].bind(collection);
    collection[name] = (query, ...rest) => original(ordered(collection, query), ...rest);
  }
  const chain = collection.chain.bind(collection);
  collection.chain = (...args) => {
    const resultset = chain(...args);
    const find = resultset.find.bind(resultset);
    resultset.find = (query, firstOnly) => find(ordered(collection, query), firstOnly);
    lazySort(resultset);
    return resultset;
  };
  collection.tilskuddIndexed = true;
}

// A dequeue sorts every visible message of the queue by (visible time, insertion) and takes the first 32 at
// most. In a storm thousands are visible at once, and each dequeue sorted them all. Here a sort followed by a
// limit picks the first `limit` in one pass (the same messages, in the same order: both keys are numbers and
// the insertion id is unique); a sort without a limit sorts as before.
const dequeueOrder = JSON.stringify([["timeNextVisible", false], ["$loki", false]]);
function lazySort(resultset) {
  const compoundsort = resultset.compoundsort.bind(resultset);
  const limit = resultset.limit.bind(resultset);
  const data = resultset.data.bind(resultset);
  let pending = null;
  resultset.compoundsort = (properties) => {
    if (JSON.stringify(properties) !== dequeueOrder || !resultset.filterInitialized) {
      pending = null;
      return compoundsort(properties);
    }
    pending = properties;
    return resultset;
  };
  resultset.limit = (count) => {
    if (pending !== null && count >= 1) {
      pending = null;
      resultset.filteredrows = firstInOrder(resultset.collection.data, resultset.filteredrows, count);
    }
    return limit(count);
  };
  resultset.data = (...args) => {
    if (pending !== null) {
      const properties = pending;
      pending = null;
      compoundsort(properties);
    }
    return data(...args);
  };
}

function firstInOrder(docs, rows, count) {
  const before = (a, b) => docs[a].timeNextVisible < docs[b].timeNextVisible
    || (docs[a].timeNextVisible === docs[b].timeNextVisible && docs[a].$loki < docs[b].$loki);
  const best = [];
  for (const row of rows) {
    if (best.length === count && !before(row, best[count - 1])) {
      continue;
    }
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && before(row, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = row;
    best.length = Math.min(best.length, count);
  }
  return best;
}

const init = store.prototype.init;
store.prototype.init = async function () {
  await init.apply(this, arguments);
  indexed(this.db.getCollection(this.MESSAGES_COLLECTION));
};

// Tables: a query runs its OData filter as a function over every entity of the table, so a partition query
// (the engine's history and instance reads) costs in proportion to the whole table. When the filter pins
// one partition (it opens with `PartitionKey eq '...'` and joins the rest by `and`, so every row it
// accepts is in that partition), the query starts from the entities of that partition, found by the PartitionKey index
// Azurite already keeps, and the filter still decides. Any other filter runs as before.
function partitionOf(filter) {
  if (typeof filter !== "string") {
    return undefined;
  }
  // The first comparison, alone or in its own parentheses, must be the partition's ...
  const first = /^\s*(?:\(\s*PartitionKey\s+eq\s+'((?:[^']|'')*)'\s*\)|PartitionKey\s+eq\s+'((?:[^']|'')*)')/.exec(filter);
  if (!first) {
    return undefined;
  }
  // ... and what follows nothing, or `and` with no `or`/`not` outside parentheses: `A and (B or C)` needs A,
  // `A and B or C` does not.
  const rest = filter.slice(first[0].length).replace(/'(?:[^']|'')*'/g, "''");
  let depth = 0;
  let outside = "";
  for (const c of rest) {
    if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (depth === 0) {
      outside += c;
    }
  }
  if (depth !== 0 || !/^(\s*|\s+and\b[\s\S]*)$/i.test(outside) || /\b(or|not)\b/i.test(outside)) {
    return undefined;
  }
  return (first[1] ?? first[2]).replace(/''/g, "'");
}

const queryTableEntities = tableStore.prototype.queryTableEntities;
tableStore.prototype.queryTableEntities = async function (context, account, table, queryOptions) {
  const partition = partitionOf(queryOptions && queryOptions.filter);
  if (partition === undefined) {
    return queryTableEntities.apply(this, arguments);
  }
  const collection = this.getEntityCollection(account, table, context);
  const chain = collection.chain;
  collection.chain = function (...args) {
    return chain.apply(this, args).find({ PartitionKey: partition });
  };
  // The query builds its result set before its first await, so the narrowing is undone before any other
  // request can reach this collection.
  let result;
  try {
    result = queryTableEntities.apply(this, arguments);
  } finally {
    collection.chain = chain;
  }
  return result;
};

// Extents: each queue message's text (and each blob's bytes) is an extent, and Azurite's garbage collector
// (every 60 s for queues) deletes the extents no message refers to any more, one at a time, each with
// LokiJS's findAndRemove, which is a batch remove and so re-sorts the extent collection's index for each
// extent: after 10 000 orchestrations' messages that is tens of thousands of sorts of tens of thousands of
// extents, and Azurite's one thread answered no request for minutes (2 December 2026: paused in
// `deleteExtents` → `findAndRemove` → `ensureAllIndexes`, three times out of three). Here a sweep removes
// all its extents in one batch: one pass over the collection and one index rebuild. The same extents go, and
// the count returned is the same (the stock loop counts every id it was given).
const memoryExtentStore = require(path.join(azuriteRoot, "dist/src/common/persistence/MemoryExtentStore")).default;
const lokiExtentMetadata = require(path.join(azuriteRoot, "dist/src/common/persistence/LokiExtentMetadataStore")).default;
const deleteExtents = memoryExtentStore.prototype.deleteExtents;
memoryExtentStore.prototype.deleteExtents = async function (extents) {
  if (!(this.metadataStore instanceof lokiExtentMetadata)) {
    return deleteExtents.apply(this, arguments);
  }
  const ids = new Set(extents);
  for (const id of ids) {
    if (this.chunks.get(this.categoryName, id)) {
      this.chunks.delete(this.categoryName, id);
    }
  }
  const collection = this.metadataStore.db.getCollection(this.metadataStore.EXTENTS_COLLECTION);
  if (ids.size > 0) {
    collection.removeWhere((doc) => ids.has(doc.id));
  }
  return ids.size;
};

// Point reads of a table entity (`findOne({ PartitionKey, RowKey })`, behind every insert, update, merge and
// delete) are answered from the PartitionKey index and then walk that partition's entities for the row key.
// A case table partitioned by round holds every case of the round in one partition, so at 10 000 cases each
// write walked 10 000 entities (2 December: four CPU samples of five in these walks while Azurite sat at
// 100 % and answered 300 requests a second). Both keys are indexed; the query starts from the key with fewer
// entities (`ordered`, as for messages), and the other key still decides. Same entity, either order.
function narrowPointReads(collection) {
  if (collection.tilskuddPointReads) {
    return;
  }
  const findOne = collection.findOne.bind(collection);
  collection.findOne = (query, ...rest) => findOne(ordered(collection, query), ...rest);
  collection.tilskuddPointReads = true;
}

const getEntityCollection = tableStore.prototype.getEntityCollection;
tableStore.prototype.getEntityCollection = function () {
  const collection = getEntityCollection.apply(this, arguments);
  narrowPointReads(collection);
  return collection;
};

// For bench/azurite/check-indexed-store.js, which checks these against stock LokiJS's answers.
module.exports = { firstInOrder, lazySort, narrowPointReads, indexed };
