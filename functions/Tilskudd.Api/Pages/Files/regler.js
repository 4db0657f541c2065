// The form's checks. The intake rules themselves are the Api's (Tilskudd.Domain's ApplicationRules), asked at each
// step through checkWithApi, so a message reads the same whether the page asks or the application is sent. The
// page itself checks only what the Api cannot see: an organisation number as it is typed, and text in number fields.
import { api } from './felles.js';

const weights = [3, 2, 7, 6, 5, 4, 3, 2];

/** Organisasjonsnummer as it is typed: nine digits, the last a modulus 11 check digit (as OrganisationNumber.cs). */
export function organisationNumberError(text) {
  const trimmed = (text ?? '').trim();
  const digits = trimmed.replace(/\s/g, '');
  if (digits === '') return 'Oppgi organisasjonsnummeret.';
  if (!/^\d{9}$/.test(digits)) return 'Organisasjonsnummeret må ha 9 siffer.';
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const rest = 11 - (sum % 11);
  const check = rest === 11 ? 0 : rest === 10 ? null : rest;
  return check === Number(digits[8]) ? null : `Organisasjonsnummeret ${trimmed} er ikke gyldig. Sjekk at det er skrevet riktig.`;
}

/**
 * What only the page can see: text typed where the form wants a whole number, and a date not given, which the
 * JSON it sends cannot carry (it sends 0 or nothing there). Every other rule and message is the Api's own.
 */
export function typedErrors(form, raw) {
  const errors = {};
  const wholeNumber = text => /^\d+$/.test(String(text).replace(/\s/g, ''));
  raw.budgetAmounts.forEach((text, i) => {
    if (text !== '' && !wholeNumber(text)) errors[`budget[${i}].amount`] = ['Skriv beløpet i hele kroner, bare tall.'];
  });
  if (raw.amountAppliedFor !== '' && !wholeNumber(raw.amountAppliedFor)) errors.amountAppliedFor = ['Skriv beløpet i hele kroner, bare tall.'];
  if (raw.numberOfEmployees === '') errors.numberOfEmployees = ['Oppgi antall ansatte. Skriv 0 hvis dere ikke har ansatte.'];
  else if (!wholeNumber(raw.numberOfEmployees)) errors.numberOfEmployees = ['Skriv antall ansatte som et tall.'];
  if (form.payingMembers !== null && raw.payingMembers !== '' && !wholeNumber(raw.payingMembers)) errors.payingMembers = ['Skriv antall betalende medlemmer som et tall.'];
  if (!form.project.start) errors['project.start'] = ['Oppgi startdato.'];
  if (!form.project.end) errors['project.end'] = ['Oppgi sluttdato.'];
  return errors;
}

/**
 * The Api's intake rules on the form as it stands (POST /api/rounds/{id}/applications/validation), as
 * { fieldPath: [messages] }: the same rules and the same Norwegian messages as when it is sent. Files go as
 * kind, name and size; their content is checked when the application is sent. Null when the Api did not answer.
 */
export async function checkWithApi(roundId, form, files) {
  const chosen = [];
  for (const [kind, value] of Object.entries(files)) {
    for (const file of [value].flat().filter(Boolean)) chosen.push({ kind, fileName: file.name, length: file.size });
  }
  try {
    // What is not filled in yet is left out, so the form reads as the Api's defaults (no date, the first kind).
    const given = JSON.parse(JSON.stringify(form, (key, value) => (value === null || (key === 'kind' && value === '') ? undefined : value)));
    const response = await api(`/api/rounds/${encodeURIComponent(roundId)}/applications/validation`, { method: 'POST', body: { form: given, files: chosen } });
    return response.ok ? (await response.json()).errors : null;
  } catch {
    return null;
  }
}

/** Which step of the form asks for a field path (the Api's error keys included). */
export function stepOf(field) {
  if (field === 'submittedAs' || field.startsWith('organisation')) return 1;
  if (field.startsWith('contact')) return 2;
  if (field === 'kind' || field.startsWith('project')) return 3;
  if (field === 'delmål' || field === 'targetGroups') return 4;
  if (field.startsWith('budget') || field === 'attachments.budget' || field === 'amountAppliedFor' || field === 'numberOfEmployees' || field === 'payingMembers') return 5;
  if (field.startsWith('attachments') || field.startsWith('declarations')) return 6;
  return 7;
}
