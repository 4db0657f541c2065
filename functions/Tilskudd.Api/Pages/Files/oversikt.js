import { el, fill, kroner, number, date, dateTime, getJson, pathSegments, showLoadError } from './felles.js';
import { signedInAs, allItems, scrollingTable, roundName } from './saksbehandling.js';

const main = document.getElementById('innhold');
const [, , roundId] = pathSegments();
const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; like el(), text stays text. */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.flat(Infinity));
  return node;
}

/** A drawing for sighted readers; the same figures are in the text beside it (role img with a label). */
function figure(label, width, height, ...shapes) {
  return svg('svg', { class: 'diagram', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label }, ...shapes);
}

/** Granted, and left of the pot, as one bar. */
function potBar(budget) {
  if (!budget.pot) return el('p', {}, 'Runden har ingen fast ramme.');
  const used = Math.min(1, budget.granted / budget.pot);
  return figure(`Rammen: ${kroner(budget.granted)} innvilget av ${kroner(budget.pot)}, ${kroner(budget.left)} igjen.`, 600, 40,
    svg('rect', { class: 'igjen', x: 0, y: 4, width: 600, height: 32 }),
    svg('rect', { class: 'brukt', x: 0, y: 4, width: Math.round(600 * used), height: 32 }));
}

/** Granted kroner per delmål, a bar each. */
function perDelmål(round, granted) {
  const sums = round.delmål.map(d => ({ code: d.code, title: d.title, amount: granted.filter(g => g.delmål.includes(d.code)).reduce((s, g) => s + g.granted, 0) }));
  if (sums.every(s => s.amount === 0)) return el('p', {}, 'Ingen tilskudd er innvilget ennå.');
  const max = Math.max(1, ...sums.map(s => s.amount));
  const row = 34;
  return [
    figure(`Innvilget per delmål: ${sums.map(s => `${s.code} ${kroner(s.amount)}`).join(', ')}.`, 600, row * sums.length,
      sums.map((s, i) => [
        svg('text', { x: 0, y: i * row + 22 }, s.code),
        svg('rect', { class: 'brukt', x: 60, y: i * row + 6, width: Math.max(s.amount ? 2 : 0, Math.round(380 * s.amount / max)), height: 22 }),
        svg('text', { x: 450, y: i * row + 22 }, kroner(s.amount)),
      ])),
    scrollingTable('Innvilget per delmål',
      el('caption', { className: 'skjult' }, 'Innvilget per delmål'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Delmål'), el('th', { scope: 'col', className: 'tall' }, 'Innvilget'))),
      el('tbody', {}, sums.map(s => el('tr', {}, el('td', {}, `${s.code}: ${s.title}`), el('td', { className: 'tall' }, kroner(s.amount)))))),
  ];
}

/** How much of the pot was used, decision by decision: a step line from the first vedtak to the last. */
function potOverTime(pot, decisions) {
  if (decisions.length === 0) return el('p', {}, 'Ingen vedtak ennå.');
  const sorted = [...decisions].sort((a, b) => a.at.localeCompare(b.at));
  let total = 0;
  const points = sorted.map(d => ({ at: Date.parse(d.at), total: (total += d.amount) }));
  const first = points[0].at;
  const span = Math.max(1, points[points.length - 1].at - first);
  const top = Math.max(pot ?? 0, total, 1);
  const x = t => 40 + Math.round(500 * (t - first) / span);
  const y = v => 190 - Math.round(170 * v / top);
  let path = `M ${x(first)} ${y(0)}`;
  for (const p of points) path += ` H ${x(p.at)} V ${y(p.total)}`;
  path += ' H 580';
  return figure(`Brukt av rammen over tid: ${kroner(total)} etter ${decisions.length} vedtak, fra ${dateTime(sorted[0].at)} til ${dateTime(sorted[sorted.length - 1].at)}${pot ? `, av ${kroner(pot)}` : ''}.`, 600, 210,
    svg('line', { class: 'akse', x1: 40, y1: 190, x2: 590, y2: 190 }),
    pot ? svg('line', { class: 'akse', x1: 40, y1: y(pot), x2: 590, y2: y(pot) }) : [],
    pot ? svg('text', { x: 44, y: y(pot) - 4 }, `Ramme ${kroner(pot)}`) : [],
    svg('path', { class: 'linje', d: path }),
    svg('text', { x: 44, y: 206 }, date(sorted[0].at)));
}

function casesTable(cases) {
  const now = Date.now();
  // Work that is due soonest first; overdue (a due date already passed) at the very top, cases with nothing due last.
  const sorted = [...cases].sort((a, b) => (a.nextDueAt ? Date.parse(a.nextDueAt) : Infinity) - (b.nextDueAt ? Date.parse(b.nextDueAt) : Infinity));
  return scrollingTable('Sakene',
    el('caption', {}, `Sakene (${number(cases.length)}), det som haster først`),
    el('thead', {}, el('tr', {},
      ['Referanse', 'Organisasjon', 'Status'].map(h => el('th', { scope: 'col' }, h)),
      el('th', { scope: 'col', className: 'tall' }, 'Søkt'), el('th', { scope: 'col', className: 'tall' }, 'Innvilget'),
      el('th', { scope: 'col' }, 'Neste frist'))),
    el('tbody', {}, sorted.map(c => {
      const overdue = c.nextDueAt && Date.parse(c.nextDueAt) < now;
      return el('tr', {},
        el('td', {}, el('a', { href: `/saksbehandling/saker/${encodeURIComponent(c.reference)}` }, c.reference)),
        el('td', {}, c.organisationNumber),
        el('td', {}, c.statusText),
        el('td', { className: 'tall' }, kroner(c.amountAppliedFor)),
        el('td', { className: 'tall' }, kroner(c.granted)),
        el('td', { className: overdue ? 'forfalt' : null }, c.nextDueAt ? `${overdue ? 'Forfalt: ' : ''}${dateTime(c.nextDueAt)}` : '–'));
    })));
}

/** The granted cases' delmål and their decisions' times, read case by case, a few at a time. */
async function grantDetails(cases) {
  const granted = cases.filter(c => c.granted > 0);
  const found = [];
  for (let i = 0; i < granted.length; i += 4) {
    found.push(...await Promise.all(granted.slice(i, i + 4).map(async c => {
      const [application, events] = await Promise.all([
        getJson(`/api/applications/${encodeURIComponent(c.reference)}`),
        getJson(`/api/applications/${encodeURIComponent(c.reference)}/events`)]);
      const decision = events.events.filter(e => e.type === 'DecisionMade').pop();
      return { reference: c.reference, granted: c.granted, delmål: application.delmål ?? [], at: decision?.at ?? application.submittedAt };
    })));
  }
  return found;
}

try {
  if (signedInAs(main, ['caseworker', 'decisionMaker'], 'rundens saker')) {
    const base = `/api/rounds/${encodeURIComponent(roundId)}`;
    const [round, budget, cases] = await Promise.all([getJson(base), getJson(`${base}/budget`), allItems(`${base}/applications`)]);
    const counts = Object.entries(Object.groupBy(cases, c => c.statusText)).map(([status, list]) => ({ status, count: list.length }));
    const details = await grantDetails(cases);
    document.title = `${roundName(round)} – saksbehandling`;
    fill(main,
      el('h1', {}, roundName(round)),
      el('p', {}, `Søknadsfrist ${date(round.applicationDeadline)}. `,
        el('a', { href: `/saksbehandling/runder/${encodeURIComponent(round.id)}/vedtaksmote` }, 'Til vedtaksmøtet')),
      el('h2', {}, 'Rammen'),
      el('ul', { className: 'nokkeltall' },
        el('li', {}, 'Ramme', el('strong', {}, budget.pot ? kroner(budget.pot) : 'Ingen fast ramme')),
        el('li', {}, 'Innvilget', el('strong', {}, kroner(budget.granted))),
        el('li', {}, 'Igjen', el('strong', {}, budget.left === null || budget.left === undefined ? '–' : kroner(budget.left)))),
      potBar(budget),
      el('h2', {}, 'Saker etter status'),
      counts.length === 0 ? el('p', {}, 'Ingen søknader ennå.') : scrollingTable('Saker etter status',
        el('caption', { className: 'skjult' }, 'Antall saker etter status'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col', className: 'tall' }, 'Antall'))),
        el('tbody', {}, counts.map(c => el('tr', {}, el('td', {}, c.status), el('td', { className: 'tall' }, number(c.count)))))),
      el('h2', {}, 'Arbeid som venter'),
      cases.length === 0 ? el('p', {}, 'Ingen saker.') : casesTable(cases),
      el('h2', {}, 'Innvilget per delmål'),
      perDelmål(round, details),
      el('h2', {}, 'Rammen brukt over tid'),
      potOverTime(budget.pot, details.map(d => ({ at: d.at, amount: d.granted }))));
    main.setAttribute('aria-busy', 'false');
  }
} catch (error) {
  showLoadError(main, error);
}
