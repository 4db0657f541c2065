import { el, fill, kroner, date, getJson, showLoadError } from './felles.js';
import { signedInAs, command, outcomeView, timeline, remember, remembered } from './saksbehandling.js';

const main = document.getElementById('innhold');

/** What is due from the organisation, with the action to do it right there. */
function due(application, events, redraw) {
  const reference = application.reference;
  const id = reference.replace(/[^A-Za-z0-9-]/g, '');
  const answer = el('div', { 'aria-live': 'polite' });
  function action(heading, fields, buttonText, path, read, doneText) {
    const button = el('button', { type: 'submit', className: 'knapp', id: `${id}-${path}` }, buttonText);
    const form = el('form', { 'aria-label': `${heading} for ${reference}`, novalidate: true }, el('h3', {}, heading), fields, answer, el('p', { className: 'knapper' }, button));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      button.disabled = true;
      const outcome = await command(reference, path, read(form));
      button.disabled = false;
      if (outcome.accepted) await redraw(doneText); else fill(answer, outcomeView(outcome, doneText));
    });
    return form;
  }
  switch (application.status) {
    case 'AwaitingAcceptance': {
      const version = events.filter(e => e.type === 'DecisionLetterSent').pop()?.details?.grantTermsVersion;
      return action('Aksepter vilkårene', [
        el('p', {}, `Dere har fått ${kroner(application.granted ?? 0)}. Les vilkårene i tilskuddsbrevet på e-post, og aksepter dem innen ${application.acceptanceDeadline ? date(application.acceptanceDeadline) : 'fristen'}.`),
        version ? el('p', {}, `Dere aksepterer vilkårene i tilskuddsbrevet, vilkårsversjon ${version}.`) : null,
      ], 'Vi aksepterer vilkårene', 'acceptance', () => ({}), 'Vilkårene er akseptert.');
    }
    case 'AwaitingInformation': {
      const request = events.filter(e => e.type === 'InformationRequested').pop()?.details;
      return action('Svar kommunen', [
        el('p', {}, request ? `Kommunen spør: «${request.question}» Svar innen ${date(request.replyBy)}.` : 'Kommunen har bedt om mer informasjon.'),
        el('div', { className: 'felt' }, el('label', { for: `${id}-svar` }, 'Svaret deres'), el('textarea', { id: `${id}-svar`, name: 'answer' })),
        el('div', { className: 'felt' }, el('label', { for: `${id}-svarfiler` }, 'Vedlegg (valgfritt)'), el('input', { type: 'file', id: `${id}-svarfiler`, name: 'files', multiple: true })),
      ], 'Send svaret', 'information', form => new FormData(form), 'Svaret er sendt.');
    }
    case 'ReportDue':
    case 'PayingOut':
      return application.reportDeadline ? action('Send rapport og regnskap', [
        el('p', {}, `Fristen for rapporten er ${date(application.reportDeadline)}. Legg ved både rapporten og regnskapet.`),
        el('div', { className: 'felt' }, el('label', { for: `${id}-brukt` }, 'Brukt av tilskuddet (kroner)'), el('input', { type: 'text', inputmode: 'numeric', className: 'kort', id: `${id}-brukt`, name: 'amountUsed' })),
        el('div', { className: 'felt' }, el('label', { for: `${id}-rapport` }, 'Rapport'), el('input', { type: 'file', id: `${id}-rapport`, name: 'report' })),
        el('div', { className: 'felt' }, el('label', { for: `${id}-regnskap` }, 'Regnskap'), el('input', { type: 'file', id: `${id}-regnskap`, name: 'accounts' })),
        el('div', { className: 'felt' }, el('label', { for: `${id}-revisor` }, 'Revisorberetning (når tilskuddsbrevet krever revidert regnskap)'), el('input', { type: 'file', id: `${id}-revisor`, name: 'auditorsStatement' })),
      ], 'Send rapporten', 'report', form => new FormData(form), 'Rapporten er sendt.') : null;
    default:
      return null;
  }
}

async function card(reference) {
  const item = el('li', { id: `soknad-${reference}` });
  async function redraw(done = '') {
    const application = await getJson(`/api/applications/${encodeURIComponent(reference)}`);
    // The applicant's timeline: the Api leaves out the kommune's own working notes (the assessment before the vedtak).
    const trail = await getJson(`/api/applications/${encodeURIComponent(reference)}/events`).catch(() => ({ events: [] }));
    const action = due(application, trail.events, redraw);
    fill(item,
      el('h2', {}, `${application.project ?? 'Søknad'} (${application.reference})`),
      done ? el('p', { className: 'svar', role: 'status' }, done) : null,
      el('dl', { className: 'fakta' },
        el('dt', {}, 'Status'), el('dd', { className: 'status' }, application.statusText),
        el('dt', {}, 'Søkt'), el('dd', {}, kroner(application.amountAppliedFor)),
        application.granted ? [el('dt', {}, 'Innvilget'), el('dd', {}, kroner(application.granted))] : null,
        el('dt', {}, 'Dere må gjøre'), el('dd', {}, action ? 'Se under' : 'Ingenting nå')),
      action,
      el('h3', {}, 'Hva har skjedd'),
      timeline(trail.events));
  }
  await redraw().catch(error => fill(item, el('h2', {}, reference), el('p', {}, `Fant ikke søknaden: ${error.message}`)));
  return item;
}

async function draw() {
  // The signed-in person's applications as the Api lists them (the organisation's, or a private person's own),
  // and any reference this browser was given besides.
  const listed = await getJson('/api/applications').then(body => body.items.map(i => i.reference)).catch(() => []);
  const references = [...new Set([...listed, ...remembered()])];
  const addInput = el('input', { type: 'text', id: 'ny-referanse', className: 'middels', autocomplete: 'off' });
  const addForm = el('form', { novalidate: true, 'aria-labelledby': 'legg-til' },
    el('h2', { id: 'legg-til' }, 'Legg til en søknad'),
    el('div', { className: 'felt' }, el('label', { for: 'ny-referanse' }, 'Referansenummer'), addInput),
    el('p', { className: 'knapper' }, el('button', { type: 'submit', className: 'knapp sekundar' }, 'Legg til')));
  addForm.addEventListener('submit', async event => {
    event.preventDefault();
    if (addInput.value.trim()) {
      remember(addInput.value.trim().toUpperCase());
      await draw();
    }
  });
  fill(main,
    el('h1', {}, 'Mine søknader'),
    references.length === 0 ? el('p', {}, 'Ingen søknader å vise ennå.') : el('ul', { className: 'kort-liste' }, await Promise.all(references.map(card))),
    addForm);
  main.setAttribute('aria-busy', 'false');
}

try {
  if (signedInAs(main, ['applicant'], 'søknadene deres')) await draw();
} catch (error) {
  showLoadError(main, error);
}
