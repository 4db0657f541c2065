import { el, fill, list, kroner, date, megabytes, getJson, pathSegments, showLoadError } from './felles.js';

const main = document.getElementById('innhold');
const [, id] = pathSegments();

function section(title, ...content) {
  const body = content.flat().filter(Boolean);
  return body.length === 0 ? null : [el('h2', {}, title), ...body];
}

function delmål(d) {
  return [
    el('h3', {}, `${d.code}: ${d.title}`),
    el('p', {}, d.text),
    d.supports.length ? el('p', {}, 'Det gis støtte til:') : null,
    list(d.supports),
    d.targetGroups.length ? el('p', {}, 'Målgrupper:') : null,
    list(d.targetGroups),
  ];
}

function status(round) {
  if (round.isOpen) {
    return el('div', { className: 'boks apen' },
      el('p', {}, el('span', { className: 'merke apen' }, 'Åpen for søknader')),
      el('p', {}, el('strong', {}, `Søknadsfrist: ${date(round.applicationDeadline)}`), ' (til midnatt)'),
      el('p', {}, el('a', { className: 'knapp', href: `/runder/${encodeURIComponent(round.id)}/sok` }, 'Søk nå')));
  }
  return el('div', { className: 'boks stengt' },
    el('p', {}, el('span', { className: 'merke stengt' }, 'Stengt')),
    el('p', {}, el('strong', {}, `Søknadsfristen gikk ut ${date(round.applicationDeadline)}.`), ' Det er ikke mulig å søke på denne runden lenger.'),
    el('p', {}, el('a', { href: '/' }, 'Se ordningene som er åpne nå')));
}

try {
  const round = await getJson(`/api/rounds/${encodeURIComponent(id)}`);
  document.title = `${round.title} – Tilskudd`;
  const rules = round.attachments;
  fill(main,
    el('p', { className: 'dempet' }, round.owner.kommune),
    el('h1', {}, round.title),
    el('p', { className: 'ingress' }, round.goal),
    status(round),
    el('dl', { className: 'fakta' },
      el('dt', {}, 'Søknadsfrist'), el('dd', {}, date(round.applicationDeadline)),
      el('dt', {}, 'Beløp dere kan søke om'), el('dd', {}, `Fra ${kroner(round.amounts.minimum)} til ${kroner(round.amounts.maximum)}`),
      round.pot ? [el('dt', {}, 'Til fordeling i år'), el('dd', {}, kroner(round.pot))] : null,
      el('dt', {}, 'Tiltaket må foregå i'), el('dd', {}, round.eligibility.activityMustTakePlaceIn)),
    section('Delmål', el('p', {}, `Ordningen har ${round.delmål.length} delmål. Tiltaket må rette seg mot minst ett av dem.`), round.delmål.map(delmål)),
    section('Hvem kan søke?', list(round.whoCanApply)),
    section('Hva kan dere søke om?', round.kinds.map(k => [el('h3', {}, k.title), list(k.conditions)])),
    section('Dette gis det ikke støtte til', list(round.notSupported.map(n => n.text))),
    section('Dette legger dere ved',
      list(rules.guidance),
      el('p', {}, `Filene kan være PDF, DOCX, XLSX, ODT, PNG eller JPEG, høyst ${megabytes(rules.maxFileBytes)} per fil og ${megabytes(rules.maxTotalBytes)} til sammen.`)),
    section('Dette legges det vekt på', list(round.criteria.map(c => c.text))),
    round.asylumReceptionCriteria.length
      ? [el('h3', {}, 'For tiltak rettet mot beboere i asylmottak legges det i tillegg vekt på'), list(round.asylumReceptionCriteria.map(c => c.text))]
      : null,
    round.grantTerms?.length
      ? section('Vilkår og krav til rapportering',
        el('p', {}, 'Organisasjoner som får tilskudd, aksepterer disse vilkårene i tilskuddsbrevet:'),
        list(round.grantTerms),
        el('p', { className: 'dempet', id: 'vilkarsversjon' }, `Vilkårsversjon: ${round.grantTermsVersion}`))
      : null,
    section('Godt å vite', list(round.notices)),
    section('Kontakt', el('p', {}, round.owner.unit, el('br'), 'E-post: ', el('a', { href: `mailto:${round.owner.email}` }, round.owner.email))),
    round.isOpen ? el('p', {}, el('a', { className: 'knapp', href: `/runder/${encodeURIComponent(round.id)}/sok` }, 'Søk nå')) : null);
  main.setAttribute('aria-busy', 'false');
} catch (error) {
  showLoadError(main, error);
}
