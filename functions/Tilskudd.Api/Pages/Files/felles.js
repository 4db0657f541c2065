// What every page needs: Norwegian formats (the same as the domain's NorwegianFormat),
// reading the Api, and building elements from data without innerHTML.

const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** A whole number with a space between thousands: "286 390". */
export function number(value) {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Whole kroner: "kr 10 000". */
export function kroner(amount) {
  return 'kr ' + number(amount);
}

/** "2027-04-15" → "15. april 2027". */
export function date(isoDate) {
  const [year, month, day] = String(isoDate).slice(0, 10).split('-').map(Number);
  return `${day}. ${months[month - 1]} ${year}`;
}

/** An instant as a person in Norway reads it: "25. november 2026 kl. 10:03". */
export function dateTime(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return `${date(`${parts.year}-${parts.month}-${parts.day}`)} kl. ${parts.hour}:${parts.minute}`;
}

/** A file size in megabytes rounded up to one decimal: "20 MB", "20,1 MB". */
export function megabytes(bytes) {
  const tenths = Math.ceil(bytes * 10 / (1024 * 1024));
  return String(tenths / 10).replace('.', ',') + ' MB';
}

/** "A, B og C". */
export function listed(items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** Builds an element: el('a', { href: '/' }, 'Forsiden'). Text is always text, never markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  fill(node, ...children, true);
  return node;
}

/** Adds nodes and texts to a node (replacing what it had unless told to append); arrays nest freely, null is nothing. */
export function fill(target, ...children) {
  const append = children[children.length - 1] === true;
  const nodes = (append ? children.slice(0, -1) : children).flat(Infinity).filter(c => c !== null && c !== undefined && c !== false);
  if (append) target.append(...nodes); else target.replaceChildren(...nodes);
  return target;
}

/** A list of texts, or nothing when there are none. */
export function list(items, tag = 'ul') {
  return items.length === 0 ? null : el(tag, {}, items.map(text => el('li', {}, text)));
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Where the pages keep the sign-in token (the sign-in contract): for this tab only, gone when it closes. */
export const tokenKey = 'tilskudd.token';

export function signedIn() {
  return Boolean(sessionStorage.getItem(tokenKey));
}

/** The headers every API call carries: JSON answers, and the bearer token when signed in. */
export function apiHeaders(headers = {}) {
  const token = sessionStorage.getItem(tokenKey);
  return { Accept: 'application/json', ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

/**
 * Every call a page makes to the Api goes through here, so who is asking is added in one place (the upload,
 * which needs progress, takes apiHeaders()). Answers the Response; a body that is not FormData is sent as JSON.
 */
export async function api(url, { method = 'GET', body, headers = {} } = {}) {
  const json = body !== undefined && !(body instanceof FormData);
  return fetch(url, {
    method,
    headers: apiHeaders(json ? { ...headers, 'Content-Type': 'application/json' } : headers),
    body: json ? JSON.stringify(body) : body,
  });
}

/** The sign-in page, coming back to this page afterwards. */
export function signInUrl() {
  return `/logg-inn?tilbake=${encodeURIComponent(location.pathname)}`;
}

export async function getJson(url) {
  const response = await api(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** The last segments of the page's path: /runder/alta-2027/sok → ['runder', 'alta-2027', 'sok']. */
export function pathSegments() {
  return location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
}

/** Shows that a page could not load its data, in words and without colour alone. */
export function showLoadError(main, error) {
  if (error instanceof ApiError && error.status === 401) {
    // A new tab, or the sign-in has run out: the token lives only as long as the tab.
    fill(main,
      el('h1', {}, 'Du må logge inn'),
      el('p', {}, 'Logg inn for å se søknaden. Innloggingen gjelder bare i fanen du logget inn i.'),
      el('p', {}, el('a', { href: signInUrl() }, 'Logg inn')));
    document.title = 'Du må logge inn – Tilskudd';
    main.setAttribute('aria-busy', 'false');
    return;
  }
  const notFound = error instanceof ApiError && error.status === 404;
  fill(main,
    el('h1', {}, notFound ? 'Fant ikke siden' : 'Noe gikk galt'),
    el('p', {}, notFound ? error.message : 'Vi fikk ikke hentet innholdet. Prøv å laste siden på nytt om litt.'),
    el('p', {}, el('a', { href: '/' }, 'Til forsiden med alle tilskuddsrundene')));
  document.title = (notFound ? 'Fant ikke siden' : 'Noe gikk galt') + ' – Tilskudd';
  main.setAttribute('aria-busy', 'false');
}
