// The intake rules as the form checks them while a person types: the same rules and the same
// Norwegian messages as Tilskudd.Domain's ApplicationRules, keyed by the same field paths, so a
// message reads the same whether the page or the Api found it. The Api stays authoritative.
import { kroner, megabytes, listed } from './felles.js';

const weights = [3, 2, 7, 6, 5, 4, 3, 2];

/** Organisasjonsnummer: nine digits, the last a modulus 11 check digit (as OrganisationNumber.cs). */
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

const accountWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Kontonummer: eleven digits (spaces and dots allowed), the last a modulus 11 check digit (as AccountNumber.cs). */
export function accountNumberError(text) {
  const trimmed = (text ?? '').trim();
  const digits = trimmed.replace(/[\s.]/g, '');
  if (digits === '') return 'Oppgi kontonummeret tilskuddet skal betales til.';
  if (!/^\d{11}$/.test(digits)) return 'Kontonummeret må ha 11 siffer.';
  const sum = accountWeights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const rest = 11 - (sum % 11);
  const check = rest === 11 ? 0 : rest === 10 ? null : rest;
  return check === Number(digits[10]) ? null : `Kontonummeret ${trimmed} er ikke gyldig. Sjekk at det er skrevet riktig.`;
}

/** The shape of an e-mail address, as EmailAddress.cs checks it. */
export function isEmail(text) {
  if (!text || text.length > 254 || /\s/.test(text)) return false;
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@')) return false;
  const domain = text.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !domain.includes('..') && !text.slice(0, at).endsWith('.');
}

const acceptedExtensions = ['pdf', 'docx', 'xlsx', 'odt', 'png', 'jpg', 'jpeg'];

/**
 * Every rule the page can check, as { fieldPath: [messages] }.
 * form: the JSON the Api receives; files: { budget, skatteattest, membershipList, other: [] } of File;
 * raw: what was typed where the JSON cannot say it (text in a number field).
 */
export function validate(round, form, files, raw) {
  const errors = {};
  const add = (field, message) => { (errors[field] ??= []).includes(message) || errors[field].push(message); };
  const blank = text => !text || !String(text).trim();
  const kindRule = round.kinds.find(k => k.kind === form.kind);

  // Organisation and who applies
  const numberError = organisationNumberError(form.organisation.number);
  if (numberError) add('organisation.number', numberError);
  if (blank(form.organisation.name)) add('organisation.name', 'Oppgi organisasjonens navn.');
  const accountError = accountNumberError(form.organisation.accountNumber);
  if (accountError) add('organisation.accountNumber', accountError);
  if (!blank(form.organisation.email) && !isEmail(form.organisation.email)) add('organisation.email', 'Organisasjonens e-postadresse er ikke gyldig.');
  if (form.submittedAs === 'privatePerson' && blank(form.organisation.email)) {
    add('organisation.email', 'Når du søker som privatperson, må du oppgi organisasjonens e-postadresse, slik at organisasjonen får kopi av søknaden.');
  }

  // Contact person
  if (blank(form.contact.name)) add('contact.name', 'Oppgi navnet på kontaktpersonen.');
  if (blank(form.contact.email)) add('contact.email', 'Oppgi kontaktpersonens e-postadresse.');
  else if (!isEmail(form.contact.email)) add('contact.email', 'Kontaktpersonens e-postadresse er ikke gyldig.');

  // Kind and project
  if (!kindRule) add('kind', `Velg hva dere søker om: ${listed(round.kinds.map(k => k.title))}.`);
  const project = form.project;
  if (blank(project.title)) add('project.title', 'Oppgi tittelen på prosjektet eller tiltaket.');
  if (blank(project.description)) add('project.description', 'Beskriv prosjektet eller tiltaket.');
  if (blank(project.place)) add('project.place', 'Oppgi hvor tiltaket skal gjennomføres.');
  if (!project.start) add('project.start', 'Oppgi startdato.');
  if (!project.end) add('project.end', 'Oppgi sluttdato.');
  if (project.start && project.end) {
    const year = round.grantYear;
    const startYear = Number(project.start.slice(0, 4));
    const endYear = Number(project.end.slice(0, 4));
    if (project.end < project.start) add('project.end', 'Sluttdatoen kan ikke være før startdatoen.');
    else if (round.intake.periodWithinGrantYear) {
      if (startYear !== year) add('project.start', `Tiltaket må gjennomføres i ${year}. Startdatoen må være i ${year}.`);
      if (endYear !== year) add('project.end', `Tiltaket må gjennomføres i ${year}. Sluttdatoen må være i ${year}.`);
    } else if (endYear < year) add('project.end', `Tiltaket må foregå i tildelingsåret ${year}, men slutter før det.`);
    else if (startYear > year) add('project.start', `Tiltaket må foregå i tildelingsåret ${year}, men starter etter det.`);
  }
  if (round.intake.receptionContactRequired && project.atAsylumReception && blank(project.receptionContact)) {
    add('project.receptionContact', 'Oppgi kontaktperson ved asylmottaket når tiltaket skal foregå der.');
  }

  // Delmål
  if (form.delmål.length === 0) add('delmål', 'Velg minst ett delmål.');

  // Budget and amount
  if (form.budget.length === 0 && !files.budget) add('budget', 'Fyll ut budsjettet i skjemaet eller legg ved budsjettet som fil.');
  form.budget.forEach((line, i) => {
    if (blank(line.category)) add(`budget[${i}].category`, 'Velg en budsjettkategori.');
    if (raw.budgetAmounts[i] !== '' && !Number.isSafeInteger(line.amount)) add(`budget[${i}].amount`, 'Skriv beløpet i hele kroner, bare tall.');
    else if (!(line.amount > 0)) add(`budget[${i}].amount`, 'Beløpet må være større enn 0.');
  });
  const limits = round.amounts;
  if (raw.amountAppliedFor !== '' && !Number.isSafeInteger(form.amountAppliedFor)) add('amountAppliedFor', 'Skriv beløpet i hele kroner, bare tall.');
  else if (form.amountAppliedFor < limits.minimum) add('amountAppliedFor', `Søknadsbeløpet må være minst ${kroner(limits.minimum)}.`);
  else if (form.amountAppliedFor > limits.maximum) add('amountAppliedFor', `Søknadsbeløpet kan være høyst ${kroner(limits.maximum)}.`);
  const total = form.budget.filter(l => l.amount > 0).reduce((sum, l) => sum + l.amount, 0);
  if (form.budget.length > 0 && form.amountAppliedFor > total) {
    add('amountAppliedFor', `Søknadsbeløpet (${kroner(form.amountAppliedFor)}) kan ikke være større enn budsjettets samlede kostnader (${kroner(total)}).`);
  }

  if (raw.numberOfEmployees === '') add('numberOfEmployees', 'Oppgi antall ansatte. Skriv 0 hvis dere ikke har ansatte.');
  else if (!Number.isSafeInteger(form.numberOfEmployees)) add('numberOfEmployees', 'Skriv antall ansatte som et tall.');
  else if (form.numberOfEmployees < 0) add('numberOfEmployees', 'Antall ansatte kan ikke være negativt.');
  else if (form.numberOfEmployees > 0 && round.attachments.skatteattestWhenEmployees && !files.skatteattest) {
    add('attachments.skatteattest', 'Legg ved skatteattest når organisasjonen har ansatte.');
  }

  if (kindRule?.requiresMembershipList && !files.membershipList) {
    add('attachments.membershipList', 'Legg ved medlemslisten. Organisasjonen må legge frem medlemsliste når den søker driftsstøtte.');
  }
  if (kindRule?.minimumPayingMembers != null) {
    if (raw.payingMembers !== '' && !Number.isSafeInteger(form.payingMembers)) add('payingMembers', 'Skriv antall betalende medlemmer som et tall.');
    else if (form.payingMembers < 0) add('payingMembers', 'Antall betalende medlemmer kan ikke være negativt.');
    else if (form.payingMembers == null) add('payingMembers', 'Oppgi antall betalende medlemmer (medlemmer som har betalt kontingent via bank til organisasjonens konto).');
  }

  // Declarations
  const declarations = form.declarations;
  if (kindRule?.excludesFaithCommunitiesWithOtherStateSupport && declarations.faithCommunityWithOtherStateSupport) {
    add('declarations.faithCommunityWithOtherStateSupport', 'Driftsstøtte kan ikke gis til tros- og livssynssamfunn som mottar annen form for statsstøtte.');
  }
  if (!declarations.informationIsCorrect) add('declarations.informationIsCorrect', 'Bekreft at opplysningene i søknaden er riktige.');
  if (!declarations.noImdiFundingForSameActivity) {
    add('declarations.noImdiFundingForSameActivity', `Bekreft at organisasjonen ikke får støtte fra IMDi til samme aktivitet. En organisasjon kan ikke motta støtte til samme aktivitet både fra IMDi og ${round.owner.kommune}.`);
  }
  if (round.intake.requiresLeaderApproval && !declarations.approvedByLeader) {
    add('declarations.approvedByLeader', 'Bekreft at søknaden er godkjent av organisasjonens leder eller av den som har delegert myndighet til å godkjenne søknader.');
  }

  // Files: type (by name here; the Api checks the content), size, count
  const rules = round.attachments;
  const all = [];
  for (const kind of ['budget', 'skatteattest', 'membershipList', 'other']) {
    for (const file of [files[kind]].flat().filter(Boolean)) {
      all.push(file);
      const field = `attachments.${kind}`;
      const extension = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
      if (file.size <= 0) add(field, `Filen «${file.name}» er tom.`);
      else if (!acceptedExtensions.includes(extension)) add(field, `Filen «${file.name}» har en filtype vi ikke tar imot. Bruk PDF, DOCX, XLSX, ODT, PNG eller JPEG.`);
      if (file.size > rules.maxFileBytes) add(field, `Filen «${file.name}» er på ${megabytes(file.size)}. Hver fil kan være på høyst ${megabytes(rules.maxFileBytes)}.`);
    }
  }
  const totalBytes = all.reduce((sum, f) => sum + f.size, 0);
  if (totalBytes > rules.maxTotalBytes) add('attachments', `Vedleggene er til sammen på ${megabytes(totalBytes)}. De kan til sammen være på høyst ${megabytes(rules.maxTotalBytes)}.`);
  if (all.length > rules.maxFiles) add('attachments', `Du kan legge ved høyst ${rules.maxFiles} filer.`);
  return errors;
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
