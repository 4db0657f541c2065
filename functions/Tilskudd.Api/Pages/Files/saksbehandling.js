// What the caseworker's pages and Mine søknader share: who is signed in, sending a case command and
// waiting for its outcome, and the case's timeline in words.
import { el, fill, kroner, date, dateTime, api, ApiError, tokenKey, signInUrl } from './felles.js';

/** The roles of whoever uses the page: the sign-in token's "roles" claim (the Api checks the token itself). */
export function currentRoles() {
  const token = sessionStorage.getItem(tokenKey);
  if (!token) return [];
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return [claims.roles ?? []].flat();
  } catch {
    return [];
  }
}

/** The signed-in user's id: the token's "sub" claim. */
export function currentUser() {
  const token = sessionStorage.getItem(tokenKey);
  if (!token) return null;
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub ?? null;
  } catch {
    return null;
  }
}

/** Shows that the page needs a signed-in user with one of these roles; true when there is one. */
export function signedInAs(main, roles, what) {
  if (currentRoles().some(r => roles.includes(r))) return true;
  fill(main,
    el('h1', {}, 'Du må logge inn'),
    el('p', {}, `For å se ${what} må du være logget inn med riktig rolle.`),
    el('p', {}, el('a', { href: signInUrl() }, 'Logg inn')));
  document.title = 'Du må logge inn – Tilskudd';
  main.setAttribute('aria-busy', 'false');
  return false;
}

const storageKey = 'tilskudd.mineSoknader';

/**
 * The applications this browser has sent or been given (the receipt page remembers each reference), beside the
 * ones the Api lists for the signed-in person: a reference given by someone else can be added by hand.
 */
export function remembered() {
  return JSON.parse(localStorage.getItem(storageKey) ?? '[]');
}

export function remember(reference) {
  const known = remembered();
  if (!known.includes(reference)) localStorage.setItem(storageKey, JSON.stringify([...known, reference]));
}

/** A round's name once: its title, with the year only when the title does not already say it. */
export function roundName(round) {
  return round.title.includes(String(round.grantYear)) ? round.title : `${round.title} (${round.grantYear})`;
}

/** Reads every page of a listing that answers { items, continuationToken }. */
export async function allItems(url) {
  const items = [];
  let token = null;
  do {
    const response = await api(token ? `${url}${url.includes('?') ? '&' : '?'}continuationToken=${encodeURIComponent(token)}` : url);
    const page = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, page);
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}

/**
 * Sends a case command and waits for the case to decide it: { accepted, message, code }. A refusal the
 * case gives (409, 403, 400) comes back as not accepted with the Api's Norwegian text.
 */
export async function command(reference, path, body) {
  const response = await api(`/api/applications/${encodeURIComponent(reference)}/${path}`, {
    method: 'POST', body: body ?? {}, headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  let outcome = await response.json().catch(() => null);
  if (response.status === 202) {
    for (let i = 0; i < 60 && response.status === 202; i++) {
      await new Promise(resolve => setTimeout(resolve, 500));
      const polled = await api(outcome.links.self);
      if (polled.ok) return await polled.json();
    }
    return { accepted: false, message: 'Saken har ikke svart ennå. Last siden på nytt om litt for å se om det gikk gjennom.' };
  }
  if (!response.ok) {
    const fieldErrors = outcome?.errors ? Object.values(outcome.errors).flat() : [];
    return { accepted: false, code: outcome?.code, message: [outcome?.detail ?? outcome?.title ?? `HTTP ${response.status}`, ...fieldErrors].join(' ') };
  }
  return outcome;
}

/** An answer to a command, in words, for a live region. */
export function outcomeView(outcome, doneText) {
  return el('div', { className: outcome.accepted ? 'svar' : 'svar avvist', role: outcome.accepted ? 'status' : 'alert' },
    el('p', {}, outcome.accepted ? doneText : `Ikke utført: ${outcome.message}`));
}

const roleNames = { organisation: 'søkeren', caseworker: 'saksbehandler', decisionMaker: 'beslutter', system: 'systemet' };
/** The Api names roles as the domain does ("Caseworker"); the timeline in the users' words. */
function roleName(role) {
  const key = role ? role[0].toLowerCase() + role.slice(1) : '';
  return roleNames[key] ?? role ?? '';
}

const outcomeNames = { granted: 'innvilget', partlyGranted: 'delvis innvilget', rejected: 'avslått' };

/** Each event in the users' words; a text from the event's details where it has one. Mails are marked as such. */
const eventTexts = {
  CaseSubmitted: () => 'Søknaden ble sendt',
  EligibilityChecked: d => d.findings?.length ? `Registerkontroll: ${d.findings.join(' ')}` : 'Registerkontroll: ingen merknader',
  ReviewStarted: () => 'Behandlingen startet',
  InformationRequested: d => `Kommunen ba om mer informasjon: «${d.question}» Svarfrist ${date(d.replyBy)}.`,
  InformationReceived: d => `Søkeren svarte: «${d.answer}»`,
  InformationReplyMissed: () => 'Svarfristen gikk ut uten svar',
  CaseworkersReminded: () => 'Påminnelse til saksbehandlerne',
  InterimReplySent: d => `Foreløpig svar ble sendt på e-post (forvaltningsloven § 11 a): svar ventes innen ${date(d.expectedDecisionBy)}`,
  CaseAssessed: d => `Vurdert, innstilt ${kroner(d.recommendedAmount)}${d.exclusions?.length ? ` (unntatt: ${d.exclusions.join(', ')})` : ''}`,
  DecisionMade: d => `Vedtak: ${outcomeNames[d.outcome] ?? d.outcome}${d.outcome === 'rejected' ? '' : ` ${kroner(d.amount)}`}`,
  DecisionLetterSent: () => 'Vedtaksbrevet ble sendt på e-post',
  AcceptanceReminderSent: () => 'Påminnelse om å akseptere vilkårene ble sendt på e-post',
  TermsAccepted: d => d.grantTermsVersion ? `Vilkårene ble akseptert (vilkårsversjon ${d.grantTermsVersion})` : 'Vilkårene ble akseptert',
  TermsDeclined: () => 'Søkeren takket nei',
  GrantLapsed: () => 'Tilskuddet falt bort: vilkårene ble ikke akseptert i tide',
  TranchePaidOut: d => `Utbetalt ${kroner(d.amount)} (termin ${d.number})`,
  ReportReminderSent: () => 'Påminnelse om rapport ble sendt på e-post',
  ReportOverdueNoticeSent: () => 'Varsel om for sen rapport ble sendt på e-post',
  ReportSubmitted: d => `Rapport mottatt, brukt ${kroner(d.amountUsed)}${d.files?.length ? ` (${d.files.map(f => f.fileName).join(', ')})` : ''}`,
  ReportApproved: () => 'Rapporten ble godkjent',
  RepaymentClaimed: d => `Krav om tilbakebetaling av ${kroner(d.amount)}`,
  RepaymentRegistered: d => `Tilbakebetaling registrert: ${kroner(d.amount)}`,
  ChangeRequested: d => `Søkeren ba om endring: «${d.description}»`,
  ChangeAnswered: d => d.consent ? 'Endringen ble godkjent' : 'Endringen ble ikke godkjent',
  AppealReceived: d => d.admittedLateBecause ? `For sen klage tatt under behandling (forvaltningsloven § 31): ${d.admittedLateBecause}` : 'Klage mottatt',
  AppealRecommended: d => `Innstilling i klagesaken: ${d.uphold ? 'opprettholde vedtaket' : 'endre vedtaket'}. «${d.recommendation}»`,
  AppealReconsidered: d => d.upheld ? 'Vedtaket ble opprettholdt, og klagen er sendt til klageinstansen' : 'Vedtaket ble endret etter klagen',
  AppealBodyDecided: d => `Klageinstansens vedtak ${date(d.decidedOn)} (${d.letterReference}): ${d.upheld ? 'klagen ble ikke tatt til følge' : 'vedtaket ble endret'}`,
  GrantChanged: d => `Tilskuddet ble endret etter klage til ${kroner(d.amount)}`,
  ImpartialityDeclared: d => d.disqualified ? `Erklært inhabil: ${d.reason}` : `Erklært habil: ${d.reason}`,
  ApplicationWithdrawn: () => 'Søknaden ble trukket',
  CaseClosed: () => 'Saken ble avsluttet',
};

/** Events whose effect is a mail to the applicant, so the timeline shows the mails too. */
const mailEvents = new Set(['InterimReplySent', 'AppealReceived', 'AppealReconsidered', 'AppealBodyDecided', 'DecisionLetterSent', 'AcceptanceReminderSent', 'ReportReminderSent', 'ReportOverdueNoticeSent', 'InformationRequested', 'RepaymentClaimed']);

export function timeline(events) {
  if (events.length === 0) return el('p', {}, 'Ingen hendelser ennå.');
  return el('ol', { className: 'tidslinje' }, events.map(e => el('li', { className: mailEvents.has(e.type) ? 'epost' : null },
    el('span', { className: 'naar' }, `${dateTime(e.at)}, ${roleName(e.by?.role)}`),
    (eventTexts[e.type] ?? (() => e.type))(e.details ?? {}),
    mailEvents.has(e.type) ? el('span', { className: 'skjult' }, ' (e-post)') : null)));
}

/** A table in a region that scrolls sideways on a phone and can be scrolled by keyboard. */
export function scrollingTable(label, ...rows) {
  return el('div', { className: 'tabell', role: 'region', 'aria-label': label, tabindex: '0' }, el('table', {}, ...rows));
}
