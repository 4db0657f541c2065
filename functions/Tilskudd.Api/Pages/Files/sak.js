import { el, fill, kroner, date, dateTime, megabytes, list, getJson, api, ApiError, pathSegments, showLoadError } from './felles.js';
import { signedInAs, currentRoles, currentUser, command, outcomeView, timeline, roundName } from './saksbehandling.js';

const main = document.getElementById('innhold');
const [, , reference] = pathSegments();
const caseUrl = `/api/applications/${encodeURIComponent(reference)}`;

/** Every command form: sends what read() gives, says how it went in a live region, and redraws the case when done. */
function commandForm(id, heading, path, fields, buttonText, read, doneText) {
  const answer = el('div', { 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', className: 'knapp', id: `${id}-send` }, buttonText);
  const form = el('form', { id, 'aria-labelledby': `${id}-tittel`, novalidate: true },
    el('h2', { id: `${id}-tittel` }, heading), fields, answer, el('p', { className: 'knapper' }, button));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    try {
      const body = read(form);
      const outcome = body instanceof Error ? { accepted: false, message: body.message } : await command(reference, path, body);
      fill(answer, outcomeView(outcome, doneText));
      if (outcome.accepted) {
        await draw(`${doneText} `);
        return;
      }
      answer.querySelector('[role]')?.setAttribute('tabindex', '-1');
      answer.querySelector('[role]')?.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function field(id, label, input, hint) {
  return el('div', { className: 'felt' }, el('label', { for: id }, label), hint ? el('p', { className: 'hint', id: `${id}-hint` }, hint) : null, input);
}

function assessmentForm(round, application) {
  const criteria = round.criteria ?? [];
  return commandForm('vurdering', 'Vurdering og innstilling', 'assessment', [
    criteria.length === 0 ? el('p', {}, 'Runden har ingen egne vurderingskriterier.') : null,
    criteria.map((c, i) => el('fieldset', { className: 'felt' },
      el('legend', {}, `${c.code}: ${c.text}`),
      el('div', { className: 'skala' }, [0, 1, 2, 3, 4, 5].map(score => el('div', { className: 'valg' },
        el('input', { type: 'radio', name: `kriterium-${i}`, id: `kriterium-${i}-${score}`, value: String(score), 'data-code': c.code }),
        el('label', { for: `kriterium-${i}-${score}` }, `${score}${score === 0 ? ' (ikke oppfylt)' : score === 5 ? ' (svært godt)' : ''}`)))),
      el('label', { for: `kriterium-${i}-kommentar`, className: 'etikett' }, 'Kommentar (valgfritt)'),
      el('input', { type: 'text', id: `kriterium-${i}-kommentar` }))),
    round.notSupported?.length ? el('fieldset', { className: 'felt' },
      el('legend', {}, 'Kostnader det ikke gis støtte til'),
      el('p', { className: 'hint' }, 'Kryss av for det søknaden tar med av dette.'),
      round.notSupported.map(x => el('div', { className: 'valg' },
        el('input', { type: 'checkbox', id: `unntak-${x.code}`, value: x.code, name: 'unntak' }),
        el('label', { for: `unntak-${x.code}` }, x.text)))) : null,
    field('innstilt-belop', 'Innstilt beløp (kroner)', el('input', { type: 'text', inputmode: 'numeric', id: 'innstilt-belop', className: 'kort', value: String(application.amountAppliedFor), 'aria-describedby': 'innstilt-belop-hint' }),
      `Søkt: ${kroner(application.amountAppliedFor)}. Skriv 0 for å innstille på avslag.`),
    field('innstilling-begrunnelse', 'Begrunnelse', el('textarea', { id: 'innstilling-begrunnelse' })),
  ], 'Lagre vurderingen', form => {
    const scores = [];
    for (let i = 0; i < criteria.length; i++) {
      const chosen = form.querySelector(`input[name="kriterium-${i}"]:checked`);
      if (!chosen) return new Error(`Gi poeng for ${criteria[i].code}.`);
      scores.push({ code: criteria[i].code, score: Number(chosen.value), comment: form.querySelector(`#kriterium-${i}-kommentar`).value });
    }
    const amount = form.querySelector('#innstilt-belop').value.replace(/\s/g, '');
    if (!/^\d+$/.test(amount)) return new Error('Innstilt beløp må være et helt antall kroner.');
    return {
      scores,
      exclusions: [...form.querySelectorAll('input[name="unntak"]:checked')].map(c => c.value),
      recommendedAmount: Number(amount),
      comment: form.querySelector('#innstilling-begrunnelse').value,
    };
  }, 'Vurderingen er lagret.');
}

function decisionForm(application, recommended) {
  return commandForm('vedtak', 'Vedtak', 'decision', [
    el('fieldset', { className: 'felt' }, el('legend', {}, 'Utfall'),
      [['granted', 'Innvilget'], ['partlyGranted', 'Delvis innvilget'], ['rejected', 'Avslått']].map(([value, text], i) => el('div', { className: 'valg' },
        el('input', { type: 'radio', name: 'utfall', id: `utfall-${value}`, value, checked: i === 0 }),
        el('label', { for: `utfall-${value}` }, text)))),
    field('vedtak-belop', 'Beløp (kroner)', el('input', { type: 'text', inputmode: 'numeric', id: 'vedtak-belop', className: 'kort', value: String(recommended ?? application.amountAppliedFor) })),
    field('vedtak-grunner', 'Begrunnelse, én per linje', el('textarea', { id: 'vedtak-grunner' })),
  ], 'Fatt vedtak', form => {
    const amount = form.querySelector('#vedtak-belop').value.replace(/\s/g, '');
    if (!/^\d+$/.test(amount)) return new Error('Beløpet må være et helt antall kroner.');
    return {
      outcome: form.querySelector('input[name="utfall"]:checked').value,
      amount: Number(amount),
      reasons: form.querySelector('#vedtak-grunner').value.split('\n').map(r => r.trim()).filter(Boolean),
    };
  }, 'Vedtaket er fattet.');
}

function informationRequestForm() {
  return commandForm('mangelbrev', 'Be om mer informasjon', 'information-requests', [
    field('sporsmal', 'Hva trenger dere?', el('textarea', { id: 'sporsmal' })),
  ], 'Send spørsmålet', form => ({ question: form.querySelector('#sporsmal').value }), 'Spørsmålet er sendt til søkeren.');
}

/** Radio buttons for a yes/no choice; the first is checked. */
function choice(name, legend, options) {
  return el('fieldset', { className: 'felt' }, el('legend', {}, legend),
    options.map(([value, text], i) => el('div', { className: 'valg' },
      el('input', { type: 'radio', name, id: `${name}-${value}`, value, checked: i === 0 }),
      el('label', { for: `${name}-${value}` }, text))));
}

function lines(form, selector) {
  return form.querySelector(selector).value.split('\n').map(r => r.trim()).filter(Boolean);
}

/** A changed decision's outcome and amount, as the appeal forms ask for it. */
function changedDecisionFields(prefix, amount) {
  return [
    choice(`${prefix}-utfall`, 'Nytt vedtak hvis det endres', [['partlyGranted', 'Delvis innvilget'], ['granted', 'Innvilget'], ['rejected', 'Avslått']]),
    field(`${prefix}-belop`, 'Nytt beløp (kroner)', el('input', { type: 'text', inputmode: 'numeric', id: `${prefix}-belop`, className: 'kort', value: String(amount ?? 0) })),
  ];
}

function readChanged(form, prefix) {
  const amount = form.querySelector(`#${prefix}-belop`).value.replace(/\s/g, '');
  if (!/^\d+$/.test(amount)) return new Error('Beløpet må være et helt antall kroner.');
  return { newOutcome: form.querySelector(`input[name="${prefix}-utfall"]:checked`).value, newAmount: Number(amount) };
}

/**
 * The appeal as forvaltningsloven §§ 31–34 handle it: the caseworker prepares it with a recommendation, the decision
 * maker changes the decision or upholds it and sends it to the klageinstans, and the kommune registers the
 * klageinstans's final decision. A late appeal can be taken under consideration with a reason.
 */
function appealSection(application, events, roles) {
  const decidedAt = events.filter(e => ['DecisionMade', 'GrantChanged'].includes(e.type)).pop()?.at;
  const received = events.filter(e => e.type === 'AppealReceived').pop();
  const onThisDecision = received && decidedAt && received.at >= decidedAt;
  const after = received ? events.slice(events.indexOf(received)) : [];
  const recommended = after.find(e => e.type === 'AppealRecommended');
  const reconsidered = after.find(e => e.type === 'AppealReconsidered');
  const bodyDecided = after.find(e => e.type === 'AppealBodyDecided');
  const caseworker = roles.includes('caseworker');
  const decisionMaker = roles.includes('decisionMaker');
  const parts = [];
  if (received && !reconsidered && !recommended && caseworker) {
    parts.push(commandForm('klageinnstilling', 'Forbered klagen', 'appeal/recommendation', [
      el('p', {}, `Klagen: «${received.details?.grounds ?? ''}»`),
      choice('innstilling', 'Innstilling til beslutter', [['true', 'Opprettholde vedtaket'], ['false', 'Endre vedtaket']]),
      field('innstilling-tekst', 'Begrunnelse for innstillingen', el('textarea', { id: 'innstilling-tekst' })),
    ], 'Send innstillingen', form => ({
      uphold: form.querySelector('input[name="innstilling"]:checked').value === 'true',
      recommendation: form.querySelector('#innstilling-tekst').value,
    }), 'Innstillingen i klagesaken er lagret.'));
  }
  if (received && recommended && !reconsidered && decisionMaker) {
    parts.push(commandForm('klagevedtak', 'Avgjør klagen', 'appeal/resolution', [
      el('p', {}, `Saksbehandlers innstilling: ${recommended.details?.uphold ? 'opprettholde' : 'endre'} vedtaket. «${recommended.details?.recommendation ?? ''}»`),
      choice('klageutfall', 'Klagen', [['true', 'Opprettholde vedtaket og sende klagen til klageinstansen'], ['false', 'Endre vedtaket']]),
      changedDecisionFields('klage', application.granted || application.amountAppliedFor),
      field('klage-grunner', 'Begrunnelse, én per linje', el('textarea', { id: 'klage-grunner' })),
    ], 'Avgjør klagen', form => {
      const upheld = form.querySelector('input[name="klageutfall"]:checked').value === 'true';
      const changed = upheld ? {} : readChanged(form, 'klage');
      if (changed instanceof Error) return changed;
      return { upheld, ...changed, reasons: lines(form, '#klage-grunner') };
    }, 'Klagen er avgjort.'));
  }
  if (received && recommended && !reconsidered && !decisionMaker) {
    parts.push(el('p', { className: 'melding' }, 'Klagen er forberedt og venter på beslutter.'));
  }
  if (reconsidered?.details?.upheld && !bodyDecided && (caseworker || decisionMaker)) {
    parts.push(commandForm('klageinstans', 'Registrer klageinstansens vedtak', 'appeal/appeal-body-decision', [
      field('klageinstans-dato', 'Klageinstansens vedtaksdato', el('input', { type: 'date', id: 'klageinstans-dato' })),
      field('klageinstans-brev', 'Klageinstansens brev (referanse)', el('input', { type: 'text', id: 'klageinstans-brev' })),
      choice('klageinstans-utfall', 'Klageinstansens vedtak', [['true', 'Klagen ble ikke tatt til følge'], ['false', 'Vedtaket ble endret']]),
      changedDecisionFields('klageinstans', application.granted || application.amountAppliedFor),
      field('klageinstans-grunner', 'Klageinstansens begrunnelse, én per linje', el('textarea', { id: 'klageinstans-grunner' })),
    ], 'Registrer vedtaket', form => {
      const upheld = form.querySelector('input[name="klageinstans-utfall"]:checked').value === 'true';
      const changed = upheld ? {} : readChanged(form, 'klageinstans');
      if (changed instanceof Error) return changed;
      if (!form.querySelector('#klageinstans-dato').value) return new Error('Oppgi klageinstansens vedtaksdato.');
      return { decidedOn: form.querySelector('#klageinstans-dato').value, letterReference: form.querySelector('#klageinstans-brev').value, upheld, ...changed, reasons: lines(form, '#klageinstans-grunner') };
    }, 'Klageinstansens vedtak er registrert.'));
  }
  // A rejection closes when its appeal window ends without an appeal: that is where a late appeal comes.
  const lastDecision = events.filter(e => e.type === 'DecisionMade').pop();
  if (!onThisDecision && caseworker && application.status === 'Closed' && lastDecision?.details?.outcome === 'rejected') {
    parts.push(commandForm('forsen-klage', 'For sen klage', 'appeal/late-admission', [
      el('p', {}, 'Klagefristen er ute. Kommunen kan likevel ta klagen under behandling når klageren ikke kan lastes for forsinkelsen, eller det er særlige grunner (forvaltningsloven § 31).'),
      field('forsen-klage-tekst', 'Klagen', el('textarea', { id: 'forsen-klage-tekst' })),
      field('forsen-klage-grunn', 'Hvorfor klagen tas under behandling', el('textarea', { id: 'forsen-klage-grunn' })),
    ], 'Ta klagen under behandling', form => ({
      grounds: form.querySelector('#forsen-klage-tekst').value,
      reason: form.querySelector('#forsen-klage-grunn').value,
    }), 'Klagen er tatt under behandling.'));
  }
  return parts.length ? [el('h2', {}, 'Klage'), parts] : null;
}

/** Forvaltningsloven § 6: who has declared themselves (dis)qualified, and the signed-in officer's own declaration. */
function impartialitySection(events, roles, closed, check) {
  const declarations = new Map();
  for (const e of events.filter(e => e.type === 'ImpartialityDeclared')) declarations.set(e.by?.id, e);
  const me = currentUser();
  const mine = declarations.get(me);
  const officer = roles.includes('caseworker') || roles.includes('decisionMaker');
  return [
    el('h2', {}, 'Habilitet'),
    declarations.size === 0 ? el('p', {}, 'Ingen har erklært seg inhabile i saken.')
      : el('ul', {}, [...declarations.values()].map(e => el('li', {}, `${e.by?.id}: ${e.details?.disqualified ? 'inhabil' : 'habil'} (${e.details?.reason ?? ''})`))),
    mine?.details?.disqualified ? el('p', { className: 'melding', role: 'note' }, 'Du har erklært deg inhabil og kan ikke behandle saken.') : null,
    check?.warning && !mine ? el('p', { className: 'feilmelding', role: 'alert', id: 'habilitet-varsel' }, check.warning) : null,
    officer && !closed ? commandForm('habilitet', 'Din habilitet', 'impartiality', [
      choice('habil', 'Er du inhabil i saken (forvaltningsloven § 6)?', [['false', 'Nei, jeg er habil'], ['true', 'Ja, jeg er inhabil']]),
      field('habil-grunn', 'Begrunnelse', el('textarea', { id: 'habil-grunn' })),
    ], 'Lagre erklæringen', form => ({
      disqualified: form.querySelector('input[name="habil"]:checked').value === 'true',
      reason: form.querySelector('#habil-grunn').value,
    }), 'Erklæringen er lagret.') : null,
  ];
}

/** The kinds of the case's files (AttachmentKind), as the kommune calls them. */
const fileKinds = {
  budget: 'Budsjett', skatteattest: 'Skatteattest', membershipList: 'Medlemsliste', other: 'Annet vedlegg',
  report: 'Rapport', accounts: 'Regnskap', auditorsStatement: 'Revisorberetning', informationReply: 'Svar på spørsmål',
};

/** A file opens through a link the Api makes on request, valid for five minutes. */
function attachment(a) {
  const kind = `${fileKinds[a.kind] ?? a.kind}: `;
  if (!a.link) return el('li', {}, kind, a.fileName);
  const target = el('span', {});
  const button = el('button', { type: 'button', className: 'knapp lenkeknapp' }, `Hent ${a.fileName}`);
  button.addEventListener('click', async () => {
    const response = await api(a.link);
    const link = await response.json().catch(() => null);
    if (!response.ok) {
      fill(target, el('span', { role: 'alert', className: 'feilmelding' }, link?.detail ?? 'Fant ikke filen.'));
      return;
    }
    const anchor = el('a', { href: link.url, id: `fil-${a.kind}`, rel: 'noopener' }, `Åpne ${link.fileName} (lenken varer til ${dateTime(link.expiresAt)})`);
    fill(target, anchor);
    button.hidden = true;
    anchor.focus();
  });
  return el('li', {}, kind, button, target, a.length != null ? ` (${megabytes(a.length)})` : null);
}

/** The report and its files (the event names each stored file), for the caseworker's review. */
function report(events) {
  const submitted = events.filter(e => e.type === 'ReportSubmitted').pop();
  if (!submitted) return null;
  const d = submitted.details ?? {};
  const files = (d.files ?? []).map(f => ({ kind: f.kind, fileName: f.fileName, link: f.name ? `${caseUrl}/attachments/${encodeURIComponent(f.name)}` : null }));
  return [
    el('h2', {}, 'Rapport og regnskap'),
    el('p', {}, `Sendt ${dateTime(submitted.at)}. Brukt av tilskuddet: ${kroner(d.amountUsed)}.`),
    files.length === 0 ? el('p', {}, 'Rapporten kom uten filer.') : el('ul', { id: 'rapportfiler' }, files.map(attachment)),
  ];
}

async function draw(done = '') {
  const [application, trail] = await Promise.all([getJson(caseUrl), getJson(`${caseUrl}/events`)]);
  const [round, check] = await Promise.all([
    getJson(`/api/rounds/${encodeURIComponent(application.roundId)}`),
    // The habilitet check asks Enhetsregisteret; a register that does not answer leaves the warning out, not the page.
    getJson(`${caseUrl}/impartiality/check`).catch(() => null),
  ]);
  const events = trail.events;
  const eligibility = events.filter(e => e.type === 'EligibilityChecked').pop();
  const assessed = events.filter(e => e.type === 'CaseAssessed').pop();
  const accepted = events.filter(e => e.type === 'TermsAccepted').pop();
  const roles = currentRoles();
  const status = application.status;
  document.title = `Sak ${application.reference} – saksbehandling`;
  fill(main,
    done ? el('p', { className: 'svar', role: 'status' }, done) : null,
    el('h1', {}, `Sak ${application.reference}`),
    el('p', {}, el('a', { href: `/saksbehandling/runder/${encodeURIComponent(round.id)}` }, `Tilbake til ${roundName(round)}`)),
    el('dl', { className: 'fakta' },
      el('dt', {}, 'Status'), el('dd', { id: 'status' }, application.statusText),
      el('dt', {}, 'Neste frist'), el('dd', {}, application.nextDueAt ? dateTime(application.nextDueAt) : 'Ingen'),
      el('dt', {}, 'Organisasjon'), el('dd', {}, `${application.organisation?.name ?? ''} (${application.organisation?.number ?? ''})`),
      el('dt', {}, 'Prosjekt'), el('dd', {}, application.project ?? '–'),
      el('dt', {}, 'Delmål'), el('dd', {}, application.delmål?.length ? application.delmål.join(', ') : '–'),
      el('dt', {}, 'Søkt beløp'), el('dd', {}, kroner(application.amountAppliedFor)),
      el('dt', {}, 'Sendt'), el('dd', {}, dateTime(application.submittedAt)),
      application.granted ? [el('dt', {}, 'Innvilget'), el('dd', {}, kroner(application.granted))] : null,
      assessed ? [el('dt', {}, 'Innstilt'), el('dd', {}, kroner(assessed.details.recommendedAmount))] : null,
      accepted ? [el('dt', {}, 'Vilkår akseptert'), el('dd', { id: 'vilkar-akseptert' },
        `${dateTime(accepted.at)}, vilkårsversjon ${accepted.details?.grantTermsVersion ?? 'ikke oppgitt (tilskuddsbrevet er fra før vilkårene fikk versjon)'}`)] : null),
    el('h2', {}, 'Vedlegg'),
    application.attachments.length === 0 ? el('p', {}, 'Ingen vedlegg.') : el('ul', {}, application.attachments.map(attachment)),
    report(events),
    el('h2', {}, 'Registerkontroll'),
    eligibility ? (list(eligibility.details.findings ?? []) ?? el('p', {}, 'Ingen merknader fra Enhetsregisteret.')) : el('p', {}, 'Ikke kontrollert ennå.'),
    impartialitySection(events, roles, ['Closed', 'Withdrawn', 'Declined', 'Lapsed'].includes(status), check),
    ['Submitted', 'WaitingForDeadline', 'Received'].includes(status) && roles.includes('caseworker')
      ? commandForm('start', 'Start behandlingen', 'review', [el('p', {}, 'Behandlingen kan starte når søknadsfristen har gått ut.')], 'Start behandlingen', () => ({}), 'Behandlingen er startet.')
      : null,
    status === 'UnderReview' && roles.includes('caseworker') ? [assessmentForm(round, application), informationRequestForm()] : null,
    status === 'Assessed' && roles.includes('decisionMaker') ? decisionForm(application, assessed?.details.recommendedAmount) : null,
    status === 'Assessed' && !roles.includes('decisionMaker') ? el('p', { className: 'melding' }, 'Saken venter på vedtak fra beslutter.') : null,
    appealSection(application, events, roles),
    el('h2', {}, 'Historikk'),
    timeline(events));
  main.setAttribute('aria-busy', 'false');
  if (done) main.focus();
}

try {
  if (signedInAs(main, ['caseworker', 'decisionMaker'], 'saken')) await draw();
} catch (error) {
  showLoadError(main, error instanceof ApiError ? error : new ApiError(500, null));
}
