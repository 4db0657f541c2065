namespace Tilskudd.Api.Cases;

/// <summary>
/// A page to try the API by hand: pick an operation from the OpenAPI document, fill in the path, the
/// actor headers and a JSON body, and see the answer. Its script is a separate file (no inline script).
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
        <label for="role">Rolle (X-Tilskudd-Role)</label>
        <select id="role"><option>organisation</option><option>caseworker</option><option>decisionMaker</option></select>
        <label for="user">Bruker (X-Tilskudd-User)</label>
        <input id="user" value="saksbehandler-1">
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
          const headers = { 'X-Tilskudd-Role': $('role').value, 'X-Tilskudd-User': $('user').value };
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
