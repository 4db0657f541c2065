// Checks the indexed store's shortcuts against LokiJS's own answers on random data:
//   node bench/azurite/check-indexed-store.js
// Prints one line per check and exits 1 when any differs. Run it after changing indexed-store.js.
"use strict";

const path = require("path");
const loki = require(require.resolve("lokijs", { paths: [path.join(__dirname, "..", "..", "node_modules", "azurite")] }));
const { lazySort, narrowPointReads, indexed } = require("./indexed-store.js");

let failed = 0;
function check(name, ok) {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
  failed += ok ? 0 : 1;
}

const db = new loki("check", { persistenceMethod: "memory" });
const messages = db.addCollection("messages", { indices: ["queueName"] });
for (let i = 0; i < 5000; i++) {
  // Few distinct times, so that ties on the visible time are decided by insertion order.
  messages.insert({ queueName: `q${i % 3}`, timeNextVisible: 1000 + Math.floor(Math.random() * 50), text: `m${i}` });
}
const order = [["timeNextVisible", false], ["$loki", false]];
for (const count of [1, 5, 32, 6000]) {
  for (const until of [1010, 1049, 999]) {
    const query = { queueName: "q1", timeNextVisible: { $lte: until } };
    const stock = messages.chain().find(query).compoundsort(order).limit(count).data().map((d) => d.$loki);
    const resultset = messages.chain();
    lazySort(resultset);
    const ours = resultset.find(query).compoundsort(order).limit(count).data().map((d) => d.$loki);
    check(`dequeue order, first ${count} visible until ${until}: ${stock.length} messages`, JSON.stringify(stock) === JSON.stringify(ours));
  }
}
const unlimited = messages.chain();
lazySort(unlimited);
check("a sort without a limit sorts all",
  JSON.stringify(unlimited.find({ queueName: "q2" }).compoundsort(order).data().map((d) => d.$loki))
    === JSON.stringify(messages.chain().find({ queueName: "q2" }).compoundsort(order).data().map((d) => d.$loki)));

// Point reads: a big partition (cases of one round) and many small ones sharing row keys (engine histories).
const entities = db.addCollection("entities", { indices: ["PartitionKey", "RowKey"] });
const plain = db.addCollection("plain", { indices: ["PartitionKey", "RowKey"] });
narrowPointReads(entities);
for (const collection of [entities, plain]) {
  for (let i = 0; i < 3000; i++) {
    collection.insert({ PartitionKey: "round-2027", RowKey: `case-${i}`, n: i });
    collection.insert({ PartitionKey: `history-${i}`, RowKey: "0000000000000001", n: -i });
  }
  collection.remove(collection.findOne({ PartitionKey: "round-2027", RowKey: "case-7" }));
}
let same = true;
for (const query of [
  { PartitionKey: "round-2027", RowKey: "case-2999" }, { PartitionKey: "round-2027", RowKey: "case-7" },
  { PartitionKey: "history-17", RowKey: "0000000000000001" }, { PartitionKey: "nowhere", RowKey: "case-1" },
  { PartitionKey: "round-2027", RowKey: "0000000000000001" },
]) {
  const a = entities.findOne(query);
  const b = plain.findOne(query);
  same &&= (a === null) === (b === null) && (a === null || a.n === b.n);
}
check("point reads find the same entity (or none) as stock", same);

// The message store as Azurite uses it, on a patched and a stock collection side by side: enqueues (some
// hidden), dequeues that change the visibility in place and call update(), visibility updates, deletes, as a
// dequeue's query asks. Every dequeue must return the same messages in the same order.
function messageStore(patched) {
  const collection = db.addCollection(patched ? "queue-patched" : "queue-stock", { indices: ["accountName", "queueName", "messageId", "visibleTime"] });
  if (patched) {
    indexed(collection);
  }
  return collection;
}
const stores = [messageStore(true), messageStore(false)];
let random = 42;
const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
let now = 1_000_000;
let nextId = 0;
let sameDequeues = true;
let dequeued = 0;
for (let step = 0; step < 20000; step++) {
  now += Math.floor(next() * 20);
  const queueName = `q${Math.floor(next() * 4)}`;
  const roll = next();
  if (roll < 0.45) {
    const hidden = next() < 0.5 ? 5000 + Math.floor(next() * 100000) : 0;
    const id = `m${nextId++}`;
    for (const c of stores) {
      c.insert({ accountName: "devstoreaccount1", queueName, messageId: id, timeNextVisible: now + hidden, expirationTime: now + 10_000_000, popReceipt: "p" });
    }
  } else if (roll < 0.8) {
    const count = 1 + Math.floor(next() * 32);
    const answers = stores.map((c) => {
      const docs = c.chain().find({ accountName: "devstoreaccount1", queueName, timeNextVisible: { $lte: now } })
        .compoundsort([["timeNextVisible", false], ["$loki", false]]).limit(count).data();
      for (const doc of docs) {
        doc.timeNextVisible = now + 30000;
        doc.popReceipt = `p${step}`;
      }
      c.update(docs);
      return docs.map((d) => d.messageId).join(",");
    });
    dequeued += answers[0] === "" ? 0 : answers[0].split(",").length;
    sameDequeues &&= answers[0] === answers[1];
  } else if (nextId > 0) {
    const id = `m${Math.floor(next() * nextId)}`;
    const deleting = roll < 0.93;
    for (const c of stores) {
      const doc = c.findOne({ accountName: "devstoreaccount1", queueName: c.findOne({ messageId: id })?.queueName ?? queueName, messageId: id });
      if (!doc) {
        continue;
      }
      if (deleting) {
        c.remove(doc);
      } else {
        doc.timeNextVisible = now + 1000;
        c.update(doc);
      }
    }
  }
}
check(`messages: ${stores[0].count()} stored, ${dequeued} dequeued, the same in the same order`, sameDequeues && stores[0].count() === stores[1].count());

process.exit(failed === 0 ? 0 : 1);
