import { el, fill, date, getJson, showLoadError } from './felles.js';

const main = document.getElementById('innhold');
const target = document.getElementById('runder');

function card(round) {
  return el('li', {},
    el('h3', {}, el('a', { href: `/runder/${encodeURIComponent(round.id)}` }, round.title)),
    el('p', {}, round.kommune),
    round.isOpen
      ? el('p', {}, el('span', { className: 'merke apen' }, 'Åpen'), ` Søknadsfrist ${date(round.applicationDeadline)}`)
      : el('p', {}, el('span', { className: 'merke stengt' }, 'Stengt'), ` Fristen var ${date(round.applicationDeadline)}`));
}

try {
  const rounds = await getJson('/api/rounds');
  const open = rounds.filter(r => r.isOpen);
  const closed = rounds.filter(r => !r.isOpen);
  fill(target,
    el('h2', {}, 'Åpne for søknader'),
    open.length === 0 ? el('p', {}, 'Ingen ordninger tar imot søknader nå.') : el('ul', { className: 'runder' }, open.map(card)),
    closed.length === 0 ? null : el('h2', {}, 'Tidligere runder'),
    closed.length === 0 ? null : el('p', {}, 'Fristen har gått ut for disse. Sidene viser hva ordningen gjaldt.'),
    closed.length === 0 ? null : el('ul', { className: 'runder' }, closed.map(card)));
  main.setAttribute('aria-busy', 'false');
} catch (error) {
  showLoadError(main, error);
}
