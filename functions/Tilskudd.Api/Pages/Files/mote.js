import { el, fill, kroner, number, getJson, api, pathSegments, showLoadError } from './felles.js';
import { signedInAs, currentRoles, command, scrollingTable } from './saksbehandling.js';

const main = document.getElementById('innhold');
const [, , roundId] = pathSegments();
const meetingUrl = `/api/rounds/${encodeURIComponent(roundId)}/decision-meeting`;

/** The spreadsheet comes through the Api call (it needs the signed-in user), then is saved from memory. */
async function download(button, status) {
  button.disabled = true;
  try {
    const response = await api(`${meetingUrl}?format=xlsx`, { headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    if (!response.ok) {
      fill(status, 'Fikk ikke laget regnearket. Prøv igjen.');
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const anchor = el('a', { href: url, download: `vedtaksmote-${roundId}.xlsx` });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    fill(status, 'Regnearket er lastet ned.');
  } finally {
    button.disabled = false;
  }
}

function draw(meeting) {
  const deciding = currentRoles().includes('decisionMaker');
  const sumTarget = el('p', { id: 'sum', 'aria-live': 'polite', className: 'sum' });
  const result = el('div', { id: 'resultat', 'aria-live': 'polite' });
  const rows = meeting.cases.map(c => ({
    c,
    check: el('input', { type: 'checkbox', id: `velg-${c.reference}`, checked: true }),
    amount: el('input', { type: 'text', inputmode: 'numeric', id: `belop-${c.reference}`, className: 'kort', value: String(c.recommendedAmount), 'aria-label': `Beløp for ${c.reference}` }),
    outcome: el('td', {}, '–'),
  }));
  const chosen = () => rows.filter(r => r.check.checked);
  const amountOf = r => Number(r.amount.value.replace(/\s/g, '')) || 0;
  function updateSum() {
    const sum = chosen().reduce((s, r) => s + amountOf(r), 0);
    const left = meeting.left === null || meeting.left === undefined ? null : meeting.left - sum;
    fill(sumTarget, `Valgt: ${number(chosen().length)} saker, ${kroner(sum)}`,
      left === null ? '' : left < 0 ? `. Det er ${kroner(-left)} mer enn det som er igjen av rammen.` : `. Igjen av rammen etterpå: ${kroner(left)}.`);
  }
  rows.forEach(r => { r.check.addEventListener('change', updateSum); r.amount.addEventListener('input', updateSum); });

  const decideButton = el('button', { type: 'button', className: 'knapp', id: 'innvilg-valgte' }, 'Innvilg de valgte');
  decideButton.addEventListener('click', async () => {
    decideButton.disabled = true;
    fill(result, el('p', {}, 'Fatter vedtakene …'));
    let granted = 0;
    const refused = [];
    for (const r of chosen()) {
      const amount = amountOf(r);
      const outcome = await command(r.c.reference, 'decision', {
        // The meeting follows the recommendation: its reasons are the caseworker's (a partial grant and a refusal need them).
        outcome: amount === 0 ? 'rejected' : amount < r.c.amountAppliedFor ? 'partlyGranted' : 'granted', amount, reasons: r.c.comment ? [r.c.comment] : [],
      });
      fill(r.outcome, outcome.accepted ? 'Vedtak fattet' : `Ikke fattet: ${outcome.message}`);
      if (outcome.accepted) { granted++; r.check.checked = false; r.check.disabled = true; } else refused.push(r.c.reference);
    }
    updateSum();
    fill(result, el('p', { className: refused.length ? 'svar avvist' : 'svar', role: 'status' },
      `${number(granted)} vedtak fattet.`, refused.length ? ` Ikke fattet for ${refused.join(', ')}: se tabellen.` : ''));
    decideButton.disabled = false;
  });

  const downloadStatus = el('p', { 'aria-live': 'polite' });
  const downloadButton = el('button', { type: 'button', className: 'knapp sekundar', id: 'last-ned' }, 'Last ned regneark (XLSX)');
  downloadButton.addEventListener('click', () => download(downloadButton, downloadStatus));

  fill(main,
    el('h1', {}, `Vedtaksmøte: ${meeting.title}`),
    el('p', {}, el('a', { href: `/saksbehandling/runder/${encodeURIComponent(roundId)}` }, 'Tilbake til rundeoversikten')),
    el('ul', { className: 'nokkeltall' },
      el('li', {}, 'Ramme', el('strong', {}, meeting.pot ? kroner(meeting.pot) : 'Ingen fast ramme')),
      el('li', {}, 'Innvilget før møtet', el('strong', {}, kroner(meeting.granted))),
      el('li', {}, 'Innstilt i alt', el('strong', { id: 'innstilt' }, kroner(meeting.recommended)))),
    meeting.cases.length === 0 ? el('p', {}, 'Ingen saker er innstilt ennå.') : [
      scrollingTable('Innstilte saker',
        el('caption', {}, 'Innstilte saker'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, el('span', { className: 'skjult' }, 'Velg')),
          ['Referanse', 'Organisasjon', 'Prosjekt'].map(h => el('th', { scope: 'col' }, h)),
          el('th', { scope: 'col', className: 'tall' }, 'Søkt'), el('th', { scope: 'col', className: 'tall' }, 'Innstilt'),
          el('th', { scope: 'col' }, 'Beløp i vedtaket'), el('th', { scope: 'col' }, 'Resultat'))),
        el('tbody', {}, rows.map(r => el('tr', {},
          el('td', {}, r.check, el('label', { for: r.check.id, className: 'skjult' }, `Velg ${r.c.reference}`)),
          el('td', {}, el('a', { href: `/saksbehandling/saker/${encodeURIComponent(r.c.reference)}` }, r.c.reference)),
          el('td', {}, `${r.c.organisationName} (${r.c.organisationNumber})`),
          el('td', {}, r.c.projectTitle),
          el('td', { className: 'tall' }, kroner(r.c.amountAppliedFor)),
          el('td', { className: 'tall' }, kroner(r.c.recommendedAmount)),
          el('td', {}, r.amount),
          r.outcome)))),
      sumTarget,
      deciding ? el('p', { className: 'knapper' }, decideButton) : el('p', { className: 'melding' }, 'Bare beslutter kan fatte vedtak.'),
      result],
    el('h2', {}, 'Til møtet'),
    el('p', { className: 'knapper' }, downloadButton),
    downloadStatus);
  updateSum();
  main.setAttribute('aria-busy', 'false');
}

try {
  if (signedInAs(main, ['caseworker', 'decisionMaker'], 'vedtaksmøtet')) {
    const meeting = await getJson(meetingUrl);
    document.title = `Vedtaksmøte ${meeting.title} – saksbehandling`;
    draw(meeting);
  }
} catch (error) {
  showLoadError(main, error);
}
