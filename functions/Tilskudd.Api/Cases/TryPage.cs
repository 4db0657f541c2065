namespace Tilskudd.Api.Cases;

/// <summary>
/// A page to try the API by hand: pick an operation from the OpenAPI document, fill in the path, a bearer
/// token (locally fetched from /dev/token for a chosen role) and a JSON body, and see the answer. Its script
/// is a separate file (no inline script). The token is kept where the applicant pages keep theirs.
/// </summary>
static class TryPage
{
    public const string Html = """
        <!doctype html>
        <html lang="nb">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Prøv Tilskudd-API-et</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
        label { display: block; margin-top: .75rem; font-weight: 600; }
        input, select, textarea { width: 100%; font: inherit; box-sizing: border-box; }
        textarea { min-height: 8rem; font-family: ui-monospace, monospace; }
        pre { background: #f4f4f4; padding: .75rem; overflow: auto; white-space: pre-wrap; }
        button { margin-top: 1rem; font: inherit; padding: .4rem 1.2rem; }
        </style>
        </head>
        <body>
        <h1>Prøv API-et</h1>
        <p>Operasjonene kommer fra <a href="/openapi/v1.json">/openapi/v1.json</a>. Bytt ut {reference} og {id} i stien.</p>
        <label for="operation">Operasjon</label>
        <select id="operation"></select>
        <label for="path">Sti</label>
        <input id="path">
        <fieldset>
        <legend>Innlogging (bare lokalt: /dev/token)</legend>
        <label for="role">Rolle</label>
        <select id="role"><option>applicant</option><option>caseworker</option><option>decisionMaker</option><option>administrator</option></select>
        <label for="user">Bruker</label>
        <input id="user" value="saksbehandler-1">
        <label for="org">Organisasjonsnummer (søker, valgfritt)</label>
        <input id="org" inputmode="numeric">
        <label for="kommune">Kommunenummer (Oslo 0301, Alta 5603)</label>
        <input id="kommune" value="5603">
        <button id="fetch-token" type="button">Hent token</button>
        </fieldset>
        <label for="token">Token (Authorization: Bearer)</label>
        <textarea id="token"></textarea>
        <label for="key">Idempotency-Key (valgfri)</label>
        <input id="key">
        <label for="body">JSON-innhold</label>
        <textarea id="body">{}</textarea>
        <button id="send" type="button">Send</button>
        <h2>Svar</h2>
        <pre id="answer" aria-live="polite"></pre>
        <script src="/openapi/try.js"></script>
        </body>
        </html>
        """;

    public const string Script = """
        const $ = id => document.getElementById(id);
        $('token').value = sessionStorage.getItem('tilskudd.token') || '';
        $('token').addEventListener('change', () => sessionStorage.setItem('tilskudd.token', $('token').value.trim()));
        $('fetch-token').addEventListener('click', async () => {
          const query = new URLSearchParams({ role: $('role').value, user: $('user').value });
          if ($('org').value) query.set('org', $('org').value);
          if ($('kommune').value) query.set('kommune', $('kommune').value);
          const response = await fetch('/dev/token?' + query);
          const body = await response.json().catch(() => null);
          if (!response.ok) { $('answer').textContent = response.status + ' ' + (body?.detail || ''); return; }
          $('token').value = body.token;
          sessionStorage.setItem('tilskudd.token', body.token);
        });
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          for (const [path, item] of Object.entries(doc.paths)) {
            for (const [method, op] of Object.entries(item)) {
              const option = document.createElement('option');
              option.value = method.toUpperCase() + ' ' + path;
              option.textContent = option.value + (op.summary ? ' — ' + op.summary : '');
              $('operation').append(option);
            }
          }
          $('path').value = $('operation').value.split(' ')[1] || '';
        });
        $('operation').addEventListener('change', () => { $('path').value = $('operation').value.split(' ')[1]; });
        $('send').addEventListener('click', async () => {
          const method = $('operation').value.split(' ')[0];
          const headers = {};
          if ($('token').value.trim()) headers.Authorization = 'Bearer ' + $('token').value.trim();
          if ($('key').value) headers['Idempotency-Key'] = $('key').value;
          const init = { method, headers };
          if (method !== 'GET') { headers['Content-Type'] = 'application/json'; init.body = $('body').value; }
          const response = await fetch($('path').value, init);
          const text = await response.text();
          let shown = text;
          try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { }
          $('answer').textContent = response.status + ' ' + response.statusText + '\n' +
            (response.headers.get('Location') ? 'Location: ' + response.headers.get('Location') + '\n' : '') + '\n' + shown;
        });
        """;
}
