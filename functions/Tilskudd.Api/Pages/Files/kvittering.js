import { el, fill, kroner, date, dateTime, getJson, pathSegments, showLoadError } from './felles.js';
import { remember } from './saksbehandling.js';

const main = document.getElementById('innhold');
const [, reference] = pathSegments();
const statusUrl = `/api/applications/${encodeURIComponent(reference)}`;

function statusView(application) {
  return el('dl', { className: 'fakta' },
    el('dt', {}, 'Status'), el('dd', {}, application.statusText),
    el('dt', {}, 'Sendt'), el('dd', {}, dateTime(application.submittedAt)),
    el('dt', {}, 'Organisasjon'), el('dd', {}, `${application.organisation?.name ?? ''} (${application.organisation?.number ?? ''})`),
    application.project ? [el('dt', {}, 'Prosjekt'), el('dd', {}, application.project)] : null,
    el('dt', {}, 'Søknadsbeløp'), el('dd', {}, kroner(application.amountAppliedFor)),
    el('dt', {}, 'Vedlegg'), el('dd', {}, application.attachments.length === 0
      ? 'Ingen'
      : el('ul', {}, application.attachments.map(a => el('li', {}, a.fileName)))),
    el('dt', {}, 'Bekreftelse på e-post'), el('dd', {}, application.confirmationSent ? 'Sendt' : 'Sendes om kort tid'));
}

async function refresh(target, button) {
  button.disabled = true;
  try {
    fill(target, statusView(await getJson(statusUrl)));
  } finally {
    button.disabled = false;
  }
}

try {
  const application = await getJson(statusUrl);
  const round = await getJson(`/api/rounds/${encodeURIComponent(application.roundId)}`).catch(() => null);
  document.title = `Kvittering ${application.reference} – Tilskudd`;
  remember(application.reference);
  const statusTarget = el('div', { id: 'status', 'aria-live': 'polite' }, statusView(application));
  const refreshButton = el('button', { type: 'button', className: 'knapp sekundar' }, 'Oppdater status');
  refreshButton.addEventListener('click', () => refresh(statusTarget, refreshButton));
  fill(main,
    el('h1', {}, 'Søknaden er sendt'),
    el('div', { className: 'boks apen' },
      el('p', {}, 'Referansenummer'),
      el('p', { className: 'referanse', id: 'referanse' }, application.reference),
      el('p', {}, 'Oppgi referansenummeret når dere kontakter kommunen om søknaden.')),
    el('h2', {}, 'Hva skjer nå?'),
    el('ol', {},
      el('li', {}, 'Dere får en bekreftelse på e-post med referansenummeret.'),
      el('li', {}, round
        ? `${round.owner.unit} behandler søknadene etter søknadsfristen ${date(round.applicationDeadline)}.`
        : 'Kommunen behandler søknadene etter søknadsfristen.'),
      el('li', {}, 'Trenger kommunen flere opplysninger, får dere beskjed på e-post med en frist for å svare.'),
      el('li', {}, 'Dere får vedtaket i et brev på e-post. Dere kan klage innen tre uker etter at vedtaksbrevet er sendt.')),
    el('h2', {}, 'Status for søknaden'),
    statusTarget,
    el('p', { className: 'knapper' }, refreshButton),
    el('p', {}, el('a', { href: '/mine-soknader' }, 'Mine søknader'), ': status, vedtak og det dere må gjøre.'),
    el('p', {}, el('a', { href: statusUrl }, 'Status som data (JSON)')),
    round ? el('p', {}, el('a', { href: `/runder/${encodeURIComponent(round.id)}` }, `Tilbake til ${round.title}`)) : null);
  main.setAttribute('aria-busy', 'false');
} catch (error) {
  showLoadError(main, error);
}
