import { el, fill, date, kroner, getJson, showLoadError } from './felles.js';
import { signedInAs, roundName } from './saksbehandling.js';

const main = document.getElementById('innhold');

try {
  if (signedInAs(main, ['caseworker', 'decisionMaker'], 'saksbehandlingen')) {
    const rounds = await getJson('/api/rounds');
    fill(main,
      el('h1', {}, 'Saksbehandling'),
      el('p', {}, 'Velg en tilskuddsrunde for å se sakene, rammen og vedtaksmøtet.'),
      el('ul', { className: 'runder' }, rounds.map(round => el('li', {},
        el('h2', {}, el('a', { href: `/saksbehandling/runder/${encodeURIComponent(round.id)}` }, roundName(round))),
        el('p', {}, `Søknadsfrist ${date(round.applicationDeadline)}${round.pot ? `, ramme ${kroner(round.pot)}` : ''}`)))));
    main.setAttribute('aria-busy', 'false');
  }
} catch (error) {
  showLoadError(main, error);
}
