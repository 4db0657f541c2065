// Development sign-in: a token from /dev/token for an applicant on behalf of an organisation (org claim) or
// as a private person (no org claim), or for a caseworker, decision maker or administrator of a kommune,
// kept in sessionStorage; then back to the page that sent us here.
import { tokenKey } from './felles.js';

const $ = id => document.getElementById(id);

/** Only a path on this site: never another origin ("//…" or "https://…"). */
function returnPath() {
  const wanted = new URLSearchParams(location.search).get('tilbake') ?? '/';
  return wanted.startsWith('/') && !wanted.startsWith('//') && !wanted.startsWith('/\\') ? wanted : '/';
}

const officers = ['caseworker', 'decisionMaker', 'administrator'];

function chosen() {
  return document.querySelector('input[name="som"]:checked').value;
}

function personId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return prefix + '-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function showFields() {
  $('org-felt').hidden = chosen() !== 'organisation';
  $('kommune-felt').hidden = !officers.includes(chosen());
}

// Where the person is going says who they most likely are: the desk is the kommune's, the form the applicant's.
if (returnPath().startsWith('/saksbehandling')) {
  document.querySelector('h1').textContent = 'Logg inn i saksbehandlingen';
  $('som-caseworker').checked = true;
} else if (returnPath().startsWith('/runder/')) {
  document.querySelector('h1').textContent = 'Logg inn for å sende søknaden';
}

for (const radio of document.querySelectorAll('input[name="som"]')) radio.addEventListener('change', showFields);
showFields();

$('innlogging').addEventListener('submit', async event => {
  event.preventDefault();
  const officer = officers.includes(chosen());
  const query = new URLSearchParams(officer
    ? { role: chosen(), user: personId(chosen()), kommune: $('kommune').value }
    : { role: 'applicant', user: personId('soker') });
  if ($('navn').value.trim()) query.set('name', $('navn').value.trim());
  $('org-feil').hidden = true;
  $('org').removeAttribute('aria-invalid');
  if ($('som-org').checked) {
    const org = $('org').value.replace(/\s/g, '');
    if (!/^\d{9}$/.test(org)) {
      $('org-feil').textContent = 'Skriv organisasjonsnummeret med 9 siffer.';
      $('org-feil').hidden = false;
      $('org').setAttribute('aria-invalid', 'true');
      $('org').focus();
      return;
    }
    query.set('org', org);
  }
  const response = await fetch('/dev/token?' + query, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body?.token) {
    $('innloggingsfeil').textContent = body?.detail ?? 'Innloggingen virket ikke. Prøv igjen om litt.';
    $('innloggingsfeil').hidden = false;
    return;
  }
  sessionStorage.setItem(tokenKey, body.token);
  location.assign(returnPath());
});

// The button waits for this script: a click before it would send the form nowhere.
$('logg-inn').disabled = false;
