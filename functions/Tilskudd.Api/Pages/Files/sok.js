// The application form in steps. The round's data (delmål, kinds, budget categories, intake
// switches) shapes the form; regler.js checks each step with the Api's own messages; the Api's
// 400 answer is mapped back to the same fields. The draft is kept in localStorage.
import { el, fill, kroner, date, dateTime, megabytes, getJson, apiHeaders, signedIn, signInUrl, pathSegments, showLoadError } from './felles.js';
import { typedErrors, checkWithApi, stepOf, organisationNumberError } from './regler.js';

const main = document.getElementById('innhold');
const [, roundId] = pathSegments();
const $ = id => document.getElementById(id);
const form = $('skjema');
const sections = [...form.querySelectorAll('section[data-steg]')];
const stepCount = sections.length;
const draftKey = `tilskudd:utkast:${roundId}`;
const fileKinds = ['budget', 'skatteattest', 'membershipList', 'other'];

let round;
let step = 1;
let budgetIndexes = [];   // sent budget line index → line on the page, for the Api's "budget[i]" keys
let idempotencyKey = null; // one per submit attempt; kept for a retry of the same content
let sending = false;

// ---------- reading and writing the form ----------

const text = id => $(id).value.trim();
const wholeNumber = value => {
  const digits = String(value).replace(/[\s\u00a0]/g, '');
  return digits === '' ? null : /^-?\d+$/.test(digits) ? Number(digits) : NaN;
};
const checkedValues = container => [...container.querySelectorAll('input:checked')].map(i => i.value);

function budgetLines() {
  return [...$('budsjettposter').querySelectorAll('.budsjettpost')].map(line => ({
    category: line.querySelector('select').value,
    description: line.querySelector('input[data-del="beskrivelse"]').value.trim(),
    amount: line.querySelector('input[data-del="belop"]').value.trim(),
  }));
}

function files() {
  const chosen = {};
  for (const kind of fileKinds) {
    const input = $(`vedlegg-${kind}`);
    const unused = kind === 'membershipList' && $('medlemsliste-felt').hidden;
    const list = input && !unused ? [...input.files] : [];
    chosen[kind] = kind === 'other' ? list : list[0] ?? null;
  }
  return chosen;
}

/** The application as the Api reads it (ApplicationForm), and what was typed where JSON cannot hold it. */
function collect() {
  const lines = budgetLines();
  budgetIndexes = [];
  const budget = [];
  lines.forEach((line, i) => {
    if (!line.category && !line.description && !line.amount) return; // an empty line is no line
    budgetIndexes.push(i);
    budget.push({ category: line.category, description: line.description, amount: wholeNumber(line.amount) ?? 0 });
  });
  const kind = form.querySelector('input[name="kind"]:checked')?.value ?? (round.kinds.length === 1 ? round.kinds[0].kind : '');
  const operating = round.kinds.find(k => k.kind === kind)?.minimumPayingMembers != null;
  const atReception = $('prosjekt-mottak').checked;
  const application = {
    organisation: { number: text('org-nummer'), name: text('org-navn'), email: text('org-epost') || null, accountNumber: text('org-konto') },
    contact: { name: text('kontakt-navn'), email: text('kontakt-epost'), phone: text('kontakt-telefon') || null },
    submittedAs: form.querySelector('input[name="submittedAs"]:checked')?.value ?? 'organisation',
    kind,
    delmål: checkedValues($('delmal-valg')),
    targetGroups: checkedValues($('malgrupper-valg')),
    project: {
      title: text('prosjekt-tittel'), description: text('prosjekt-beskrivelse'),
      start: $('prosjekt-start').value || null, end: $('prosjekt-slutt').value || null,
      place: text('prosjekt-sted'), atAsylumReception: atReception,
      receptionContact: atReception ? text('prosjekt-mottakskontakt') || null : null,
    },
    budget,
    amountAppliedFor: wholeNumber(text('soknadsbelop')) ?? 0,
    numberOfEmployees: wholeNumber(text('ansatte')) ?? 0,
    payingMembers: operating ? wholeNumber(text('betalende')) : null,
    declarations: {
      noImdiFundingForSameActivity: $('erkl-imdi').checked,
      informationIsCorrect: $('erkl-riktig').checked,
      approvedByLeader: !$('erkl-leder-felt').hidden && $('erkl-leder').checked,
      faithCommunityWithOtherStateSupport: !$('erkl-tro-felt').hidden && $('erkl-tro').checked,
    },
  };
  const raw = {
    amountAppliedFor: text('soknadsbelop'), numberOfEmployees: text('ansatte'), payingMembers: text('betalende'),
    budgetAmounts: budgetIndexes.map(i => lines[i].amount),
  };
  return { application, raw };
}

// ---------- the parts built from the round ----------

function choice(type, name, id, value, label, hint) {
  const hintId = hint ? `${id}-hint` : null;
  return el('div', { className: 'valg' },
    el('input', { type, name, id, value, 'aria-describedby': hintId }),
    el('label', { for: id }, label, hint ? el('span', { className: 'hint', id: hintId }, hint) : null));
}

function buildFromRound() {
  $('runde-navn').textContent = round.title;
  const kinds = round.kinds;
  fill($('type-valg'), ...kinds.map((k, i) => choice('radio', 'kind', `type-${k.kind}`, k.kind, k.title,
    k.minimumPayingMembers != null ? `Krever medlemsliste og minst ${k.minimumPayingMembers} betalende medlemmer (veiledende).` : null)));
  $(`type-${kinds[0].kind}`).checked = true;
  $('type').hidden = kinds.length < 2;

  fill($('delmal-valg'), ...round.delmål.map(d => choice('checkbox', 'delmal', `delmal-${d.code}`, d.code, `${d.code}: ${d.title}`, d.text)));
  const groups = [...new Set(round.delmål.flatMap(d => d.targetGroups))];
  fill($('malgrupper-valg'), ...groups.map((g, i) => choice('checkbox', 'malgruppe', `malgruppe-${i + 1}`, g, g)));
  $('malgrupper').hidden = groups.length === 0;

  const year = round.grantYear;
  $('periode-hint').textContent = round.intake.periodWithinGrantYear
    ? `Tiltaket må gjennomføres i ${year}.`
    : `Tiltaket må foregå i tildelingsåret ${year}, helt eller delvis.`;
  $('prosjekt-sted-hint').textContent = `Tiltaket må foregå i ${round.eligibility.activityMustTakePlaceIn}.`;
  $('soknadsbelop-hint').textContent = `Minst ${kroner(round.amounts.minimum)} og høyst ${kroner(round.amounts.maximum)}. Beløpet kan ikke være større enn budsjettets sum.`;
  $('vedlegg-hint').textContent = `PDF, DOCX, XLSX, ODT, PNG eller JPEG, høyst ${megabytes(round.attachments.maxFileBytes)} per fil og ${megabytes(round.attachments.maxTotalBytes)} til sammen.`;
  $('erkl-imdi-tekst').textContent = `Organisasjonen får ikke støtte fra IMDi til samme aktivitet, heller ikke gjennom det sentrale leddet i organisasjonen. En organisasjon kan ikke motta støtte til samme aktivitet både fra IMDi og ${round.owner.kommune}.`;
  $('erkl-leder-felt').hidden = !round.intake.requiresLeaderApproval;
  fill($('fremdrift'), ...sections.map((s, i) => el('li', {}, el('span', { className: 'skjult' }, `Steg ${i + 1}: ${s.dataset.tittel}`))));
}

/**
 * The budget categories the chosen kind may use: a category of running costs (operatingSupportOnly, Alta's «drift») only
 * for operating support, as ApplicationRules.ProjectBudgetHasNoRunningCosts says. A line that already has one keeps it,
 * so the Api's message shows beside it rather than the choice vanishing.
 */
function categoriesFor(line) {
  const kind = form.querySelector('input[name="kind"]:checked')?.value ?? round.kinds[0]?.kind;
  return round.budgetCategories.filter(c => !c.operatingSupportOnly || kind === 'operating' || c.code === line.category);
}

function renderBudgetLines(lines) {
  fill($('budsjettposter'), ...lines.map((line, i) => {
    const n = i + 1;
    const id = `budsjett-${i}`;
    const remove = el('button', { type: 'button', className: 'knapp lenkeknapp', 'data-fjern': i }, `Fjern budsjettpost ${n}`);
    return el('fieldset', { className: 'budsjettpost', id },
      el('legend', {}, `Budsjettpost ${n}`),
      el('div', { className: 'rad' },
        el('div', { className: 'felt' }, el('label', { for: `${id}-kategori` }, 'Kategori'),
          el('select', { id: `${id}-kategori`, 'data-field': `budget[${i}].category` },
            el('option', { value: '' }, 'Velg kategori'),
            categoriesFor(line).map(c => el('option', { value: c.code, selected: c.code === line.category }, c.title)))),
        el('div', { className: 'felt' }, el('label', { for: `${id}-beskrivelse` }, 'Beskrivelse'),
          el('input', { type: 'text', id: `${id}-beskrivelse`, 'data-del': 'beskrivelse', 'data-field': `budget[${i}].description`, value: line.description })),
        el('div', { className: 'felt' }, el('label', { for: `${id}-belop` }, 'Beløp (kroner)'),
          el('input', { type: 'text', id: `${id}-belop`, 'data-del': 'belop', 'data-field': `budget[${i}].amount`, inputmode: 'numeric', autocomplete: 'off', value: line.amount }))),
      lines.length > 1 ? el('p', {}, remove) : null);
  }));
  updateTotal();
}

function updateTotal() {
  const total = budgetLines().map(l => wholeNumber(l.amount)).filter(a => a > 0).reduce((sum, a) => sum + a, 0);
  $('budsjett-sum').textContent = kroner(total);
}

/** What depends on other answers: the reception contact, operating support's fields, the skatteattest. */
function updateDependents() {
  const kind = form.querySelector('input[name="kind"]:checked')?.value;
  const rule = round.kinds.find(k => k.kind === kind);
  $('mottakskontakt-felt').hidden = !$('prosjekt-mottak').checked;
  $('betalende-felt').hidden = rule?.minimumPayingMembers == null;
  $('medlemsliste-felt').hidden = !rule?.requiresMembershipList;
  $('erkl-tro-felt').hidden = !rule?.excludesFaithCommunitiesWithOtherStateSupport;
  const employees = wholeNumber(text('ansatte'));
  $('skatteattest-krav').textContent = employees > 0 && round.attachments.skatteattestWhenEmployees
    ? `(må legges ved fordi dere har ${employees} ansatte)` : '(bare hvis dere har ansatte)';
  $('org-epost-valgfri').textContent = form.querySelector('input[name="submittedAs"]:checked')?.value === 'privatePerson' ? '' : '(valgfritt)';
  const members = wholeNumber(text('betalende'));
  $('betalende-veiledning').textContent = rule?.minimumPayingMembers != null && members >= 0 && members < rule.minimumPayingMembers
    ? `Det er et veiledende krav om minst ${rule.minimumPayingMembers} betalende medlemmer for driftsstøtte. Søknaden kan sendes, men antallet tas med i vurderingen.` : '';
}

// ---------- errors next to fields and in the summary ----------

function fieldElement(key) {
  const match = /^budget\[(\d+)\]\.(\w+)$/.exec(key);
  if (match) {
    const line = budgetIndexes[Number(match[1])] ?? Number(match[1]);
    return form.querySelector(`[data-field="budget[${line}].${match[2]}"]`) ?? $('budsjett');
  }
  return form.querySelector(`[data-field="${CSS.escape(key)}"]`);
}

function focusTarget(element) {
  return element.tagName === 'FIELDSET' ? element.querySelector('input:not([type=hidden]), select, textarea') ?? element : element;
}

function clearErrors() {
  form.querySelectorAll('.feilmelding').forEach(p => p.remove());
  form.querySelectorAll('.feil').forEach(e => e.classList.remove('feil'));
  form.querySelectorAll('[aria-invalid]').forEach(e => {
    e.removeAttribute('aria-invalid');
    const kept = (e.getAttribute('aria-describedby') ?? '').split(' ').filter(id => id && !id.endsWith('-feil'));
    kept.length ? e.setAttribute('aria-describedby', kept.join(' ')) : e.removeAttribute('aria-describedby');
  });
  $('feilsammendrag').hidden = true;
}

function showFieldError(key, messages) {
  const element = fieldElement(key);
  if (!element) return null;
  const errorId = `${element.id || 'felt'}-feil`;
  const message = el('p', { className: 'feilmelding', id: errorId }, el('span', { className: 'skjult' }, 'Feil: '), messages.join(' '));
  if (element.tagName === 'FIELDSET') {
    element.querySelector('legend').after(message);
    element.classList.add('feil');
  } else {
    (element.closest('.valg') ?? element).before(message);
    element.closest('.felt')?.classList.add('feil');
  }
  element.setAttribute('aria-invalid', 'true');
  const described = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  element.setAttribute('aria-describedby', [errorId, ...described.filter(id => id !== errorId)].join(' '));
  return element;
}

/** Shows each message beside its field and all of them in the summary, then moves focus to the summary. */
function showErrors(errors) {
  clearErrors();
  const items = [];
  for (const [key, messages] of Object.entries(errors)) {
    const element = showFieldError(key, messages);
    for (const message of messages) {
      items.push(el('li', {}, element
        ? el('a', { href: `#${focusTarget(element).id}`, 'data-field-link': key }, message)
        : message));
    }
  }
  $('feilsammendrag-tittel').textContent = items.length === 1 ? 'Det er 1 feil i skjemaet' : `Det er ${items.length} feil i skjemaet`;
  fill($('feilsammendrag-liste'), ...items);
  const summary = $('feilsammendrag');
  summary.hidden = false;
  summary.focus();
  summary.scrollIntoView({ block: 'start' });
}

function errorsOfStep(errors, n) {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => stepOf(key) === n));
}

// ---------- steps ----------

function showStep(n, { focus = true } = {}) {
  step = n;
  sections.forEach((s, i) => { s.hidden = i + 1 !== n; });
  const title = sections[n - 1].dataset.tittel;
  $('steg-tekst').textContent = `Steg ${n} av ${stepCount}: ${title}`;
  [...$('fremdrift').children].forEach((li, i) => {
    li.className = i + 1 < n ? 'ferdig' : '';
    i + 1 === n ? li.setAttribute('aria-current', 'step') : li.removeAttribute('aria-current');
    li.firstChild.textContent = `Steg ${i + 1}: ${sections[i].dataset.tittel}${i + 1 < n ? ' (fullført)' : ''}`;
  });
  $('tilbake').hidden = n === 1;
  $('neste').textContent = n === stepCount ? 'Send søknaden' : 'Neste';
  document.title = `Steg ${n} av ${stepCount}: ${title} – Søknad – Tilskudd`;
  if (n === stepCount) renderSummary();
  if (focus) {
    const heading = sections[n - 1].querySelector('h2');
    heading.focus();
    $('steg-tekst').scrollIntoView({ block: 'start' });
  }
  saveDraft();
}

function goToField(key) {
  const element = fieldElement(key);
  if (!element) return;
  const n = Number(element.closest('section[data-steg]').dataset.steg);
  if (n !== step) showStep(n, { focus: false });
  const target = focusTarget(element);
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

let checking = false;

async function next() {
  if (checking) return; // a double click goes on, or sends, once
  checking = true;
  try {
    const { application, raw } = collect();
    // The Api's messages, with the page's own for text typed in number fields in their place.
    const all = { ...(await checkWithApi(round.id, application, files()) ?? {}), ...typedErrors(application, raw) };
    const errors = step === stepCount ? all : errorsOfStep(all, step);
    if (Object.keys(errors).length > 0) {
      showErrors(errors);
      return;
    }
    clearErrors();
    if (step < stepCount) showStep(step + 1);
    else submit(application);
  } finally {
    checking = false;
  }
}

// ---------- summary ----------

function summaryPart(title, n, rows) {
  return [
    el('h3', {}, title, el('button', { type: 'button', className: 'knapp lenkeknapp', 'data-til-steg': n }, 'Endre', el('span', { className: 'skjult' }, ` ${title.toLowerCase()}`))),
    el('dl', { className: 'fakta' }, rows.filter(Boolean).map(([label, value]) => [el('dt', {}, label), el('dd', {}, value || '–')])),
  ];
}

function renderSummary() {
  const { application: a } = collect();
  const chosen = files();
  const category = code => round.budgetCategories.find(c => c.code === code)?.title ?? code;
  const kind = round.kinds.find(k => k.kind === a.kind);
  const fileNames = fileKinds.flatMap(k => [chosen[k]].flat().filter(Boolean).map(f => `${f.name} (${megabytes(f.size)})`));
  fill($('oppsummering'),
    ...summaryPart('Organisasjonen', 1, [
      ['Søker', a.submittedAs === 'privatePerson' ? 'Som privatperson' : 'På vegne av organisasjonen'],
      ['Organisasjonsnummer', a.organisation.number], ['Navn', a.organisation.name], ['E-post', a.organisation.email],
      ['Kontonummer', a.organisation.accountNumber]]),
    ...summaryPart('Kontaktperson', 2, [['Navn', a.contact.name], ['E-post', a.contact.email], ['Telefon', a.contact.phone]]),
    ...summaryPart('Prosjektet', 3, [
      ['Søker om', kind?.title], ['Tittel', a.project.title], ['Beskrivelse', a.project.description],
      ['Periode', a.project.start && a.project.end ? `${date(a.project.start)} – ${date(a.project.end)}` : ''],
      ['Sted', a.project.place], a.project.atAsylumReception ? ['Kontaktperson ved asylmottaket', a.project.receptionContact] : null]),
    ...summaryPart('Delmål og målgrupper', 4, [
      ['Delmål', a.delmål.map(code => `${code}: ${round.delmål.find(d => d.code === code)?.title ?? ''}`).join(', ')],
      ['Målgrupper', a.targetGroups.join(', ')]]),
    ...summaryPart('Budsjett og beløp', 5, [
      ...a.budget.map((l, i) => [`Post ${i + 1}: ${category(l.category)}`, `${l.description ? l.description + ': ' : ''}${kroner(l.amount)}`]),
      a.budget.length ? ['Sum kostnader', kroner(a.budget.reduce((s, l) => s + l.amount, 0))] : null,
      ['Budsjett som fil', chosen.budget?.name], ['Søknadsbeløp', kroner(a.amountAppliedFor)], ['Antall ansatte', String(a.numberOfEmployees)],
      a.payingMembers != null ? ['Betalende medlemmer', String(a.payingMembers)] : null]),
    ...summaryPart('Vedlegg og erklæringer', 6, [['Vedlegg', fileNames.length ? el('ul', {}, fileNames.map(n => el('li', {}, n))) : 'Ingen'],
      ['Erklæringer', a.declarations.informationIsCorrect && a.declarations.noImdiFundingForSameActivity ? 'Bekreftet' : 'Ikke bekreftet']]));
}

// ---------- sending ----------

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
}

function submit(application) {
  if (sending) return; // a second click while the first is on its way sends nothing
  if (!signedIn()) {
    // Sending needs a signed-in applicant; the draft is kept and the form comes back after sign-in.
    saveDraft();
    location.assign(signInUrl());
    return;
  }
  sending = true;
  idempotencyKey ??= newKey();
  const body = new FormData();
  body.append('application', JSON.stringify(application));
  const chosen = files();
  for (const kind of fileKinds) {
    for (const file of [chosen[kind]].flat().filter(Boolean)) body.append(kind, file, file.name);
  }

  const button = $('neste');
  const progress = $('opplasting');
  const label = $('opplasting-tekst');
  button.disabled = true;
  $('tilbake').disabled = true;
  $('sendefeil').hidden = true;
  $('sending').hidden = false;
  progress.value = 0;
  label.textContent = 'Sender søknaden … 0 %';

  const request = new XMLHttpRequest();
  request.open('POST', `/api/rounds/${encodeURIComponent(roundId)}/applications`);
  request.setRequestHeader('Idempotency-Key', idempotencyKey);
  for (const [name, value] of Object.entries(apiHeaders())) request.setRequestHeader(name, value);
  request.upload.addEventListener('progress', e => {
    if (!e.lengthComputable) return;
    const percent = Math.round(e.loaded * 100 / e.total);
    progress.value = percent;
    label.textContent = percent < 100 ? `Laster opp vedlegg … ${percent} %` : 'Vedleggene er lastet opp. Venter på svar …';
  });
  request.addEventListener('load', () => {
    let answer = null;
    try { answer = JSON.parse(request.responseText); } catch { /* not JSON */ }
    if (request.status === 201 && answer?.reference) {
      localStorage.removeItem(draftKey);
      location.assign(`/kvittering/${encodeURIComponent(answer.reference)}`);
      return;
    }
    finishSending();
    if (request.status === 401) {
      saveDraft();
      location.assign(signInUrl());
      return;
    }
    if (request.status === 400 && answer?.errors) {
      idempotencyKey = null;
      showErrors(answer.errors);
    } else {
      if (request.status !== 0 && request.status < 500) idempotencyKey = null;
      sendError(answer?.title ?? 'Søknaden ble ikke sendt', answer?.detail ?? 'Noe gikk galt hos oss. Prøv igjen om litt; du får ikke to søknader om du prøver igjen.');
    }
  });
  request.addEventListener('error', () => {
    finishSending();
    sendError('Fikk ikke kontakt', 'Vi vet ikke om søknaden kom fram. Prøv igjen: sender du den samme søknaden på nytt, blir det bare én søknad.');
  });
  request.send(body);
}

function finishSending() {
  sending = false;
  $('neste').disabled = false;
  $('tilbake').disabled = false;
  $('sending').hidden = true;
}

function sendError(title, detail) {
  const box = $('sendefeil');
  fill(box, el('p', {}, el('strong', {}, title)), el('p', {}, detail));
  box.hidden = false;
}

// ---------- draft ----------

function saveDraft() {
  if (!round?.isOpen) return;
  const values = {};
  const checked = [];
  form.querySelectorAll('input, select, textarea').forEach(input => {
    if (!input.id || input.type === 'file' || input.closest('#budsjettposter')) return;
    if (input.type === 'checkbox' || input.type === 'radio') { if (input.checked) checked.push(input.id); }
    else values[input.id] = input.value;
  });
  localStorage.setItem(draftKey, JSON.stringify({ savedAt: new Date().toISOString(), step, values, checked, budget: budgetLines() }));
}

function restoreDraft() {
  const stored = localStorage.getItem(draftKey);
  if (!stored) return null;
  try {
    const draft = JSON.parse(stored);
    form.querySelectorAll('input[type=checkbox], input[type=radio]').forEach(i => { if (!i.closest('#budsjettposter')) i.checked = draft.checked.includes(i.id); });
    for (const [id, value] of Object.entries(draft.values)) if ($(id)) $(id).value = value;
    if (!form.querySelector('input[name="kind"]:checked')) $(`type-${round.kinds[0].kind}`).checked = true;
    if (!form.querySelector('input[name="submittedAs"]:checked')) $('soker-org').checked = true;
    renderBudgetLines(draft.budget?.length ? draft.budget : [{ category: '', description: '', amount: '' }]);
    return draft;
  } catch {
    localStorage.removeItem(draftKey);
    return null;
  }
}

// ---------- start ----------

function wire() {
  form.addEventListener('submit', e => { e.preventDefault(); next(); });
  $('tilbake').addEventListener('click', () => { clearErrors(); showStep(Math.max(1, step - 1)); });
  form.addEventListener('input', e => {
    idempotencyKey = null;
    if (e.target.closest('#budsjettposter')) updateTotal();
    updateDependents();
    saveDraft();
  });
  form.addEventListener('change', e => {
    idempotencyKey = null;
    if (e.target.name === 'kind') renderBudgetLines(budgetLines());
    updateDependents();
    saveDraft();
  });
  form.addEventListener('click', e => {
    const link = e.target.closest('a[data-field-link]');
    if (link) { e.preventDefault(); goToField(link.dataset.fieldLink); return; }
    const remove = e.target.closest('button[data-fjern]');
    if (remove) {
      const lines = budgetLines();
      const index = Number(remove.dataset.fjern);
      lines.splice(index, 1);
      renderBudgetLines(lines);
      $('ny-budsjettpost').focus();
      saveDraft();
      return;
    }
    const back = e.target.closest('button[data-til-steg]');
    if (back) showStep(Number(back.dataset.tilSteg));
  });
  $('ny-budsjettpost').addEventListener('click', () => {
    const lines = budgetLines();
    lines.push({ category: '', description: '', amount: '' });
    renderBudgetLines(lines);
    $(`budsjett-${lines.length - 1}-kategori`).focus();
    saveDraft();
  });

  // A valid number is looked up in Enhetsregisteret; its name fills the name field when the applicant has not
  // written one (or the field still holds the name the register gave for an earlier number).
  const name = $('org-navn');
  const registerNote = $('org-navn-register');
  let filledName = null;
  let lookedUp = null;
  async function lookUp(digits) {
    if (digits === lookedUp) return;
    lookedUp = digits;
    const found = await getJson(`/api/organisations/${digits}`).catch(() => null);
    if (lookedUp !== digits) return; // another number was typed meanwhile
    if (!found) {
      registerNote.textContent = 'Vi fant ikke organisasjonsnummeret i Enhetsregisteret. Skriv navnet selv.';
      return;
    }
    if (name.value.trim() === '' || name.value === filledName) {
      name.value = found.name;
      filledName = found.name;
      clearFieldError(name);
      saveDraft();
      registerNote.textContent = `Navnet er hentet fra Enhetsregisteret: ${found.name}.`;
    } else {
      registerNote.textContent = `I Enhetsregisteret heter organisasjonen ${found.name}.`;
    }
  }

  // The organisation number is checked as it is typed: at nine digits, or on leaving the field.
  const number = $('org-nummer');
  const status = $('org-nummer-status');
  const check = final => {
    const digits = number.value.replace(/\s/g, '');
    const error = organisationNumberError(number.value);
    const ready = final || digits.length >= 9 || /[^\d]/.test(digits);
    clearFieldError(number);
    if (!error) {
      status.className = 'gyldig';
      status.textContent = '✓ Gyldig organisasjonsnummer';
      lookUp(digits);
    } else if (ready && digits !== '') {
      showFieldError('organisation.number', [error]);
      status.className = 'skjult';
      status.textContent = error;
    } else {
      status.className = '';
      status.textContent = '';
    }
    if (error) {
      lookedUp = null;
      registerNote.textContent = '';
    }
  };
  number.addEventListener('input', () => check(false));
  number.addEventListener('blur', () => check(true));

  $('slett-utkast').addEventListener('click', () => {
    localStorage.removeItem(draftKey);
    location.reload();
  });
}

function clearFieldError(element) {
  element.closest('.felt')?.querySelectorAll('.feilmelding').forEach(p => p.remove());
  element.closest('.felt')?.classList.remove('feil');
  element.removeAttribute('aria-invalid');
  const kept = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(id => id && !id.endsWith('-feil'));
  element.setAttribute('aria-describedby', kept.join(' '));
}

try {
  round = await getJson(`/api/rounds/${encodeURIComponent(roundId)}`);
  $('laster').remove();
  if (!round.isOpen) {
    document.title = `Søknadsfristen har gått ut – ${round.title} – Tilskudd`;
    fill(main,
      el('h1', {}, 'Søknadsfristen har gått ut'),
      el('div', { className: 'boks stengt' },
        el('p', {}, el('span', { className: 'merke stengt' }, 'Stengt')),
        el('p', {}, `Fristen for å søke på ${round.title} var ${date(round.applicationDeadline)}. Du kan ikke sende søknad på denne runden.`)),
      el('p', {}, el('a', { href: '/' }, 'Se ordningene som er åpne nå')));
  } else if (!signedIn()) {
    // Sending needs a signed-in applicant: sign in first, before anything is typed or attached.
    location.replace(signInUrl());
  } else {
    buildFromRound();
    const draft = restoreDraft();
    if (!draft) renderBudgetLines([{ category: '', description: '', amount: '' }]);
    wire();
    updateDependents();
    $('skjema-ramme').hidden = false;
    if (draft) {
      fill($('utkast-melding'), el('p', {}, `Vi har hentet inn utkastet ditt fra ${dateTime(draft.savedAt)}.`),
        el('p', {}, 'Vedlegg lagres ikke i utkastet: legg dem ved på nytt.'));
      $('utkast-melding').hidden = false;
    }
    showStep(draft?.step >= 1 && draft.step <= stepCount ? draft.step : 1, { focus: false });
  }
  main.setAttribute('aria-busy', 'false');
} catch (error) {
  showLoadError(main, error);
}
