using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Tilskudd.Domain.Time;

namespace Tilskudd.Local.DevMail;

/// <summary>
/// The local stand-in for SendGrid: the real SendGrid client posts to <c>/v3/mail/send</c> here,
/// and <c>/dev/mail</c> shows the mails as a person would read them (JSON for tests).
/// Mapped only in the local host, never in production.
/// </summary>
public static partial class DevMailEndpoints
{
    // Norwegian letters stay letters in the page; only markup characters are escaped.
    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapDevMail(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v3/mail/send", async (JsonObject body, DevMailbox mailbox, CancellationToken ct) =>
        {
            await mailbox.StoreAsync(body, ct);
            return Results.Accepted();
        }).DisableAntiforgery().ExcludeFromDescription();

        // SendGrid's Email Activity API as far as the product asks it: the messages carrying a custom argument.
        app.MapGet("/v3/messages", async (string? query, DevMailbox mailbox, CancellationToken ct) =>
        {
            if (query is null || ActivityQuery().Match(query) is not { Success: true } match)
            {
                return Results.BadRequest(new { errors = new[] { new { field = "query", message = "invalid query" } } });
            }

            var mails = await mailbox.FindByMailIdAsync(match.Groups[1].Value, ct);
            return Results.Ok(new
            {
                messages = mails.Select(m => new
                {
                    from_email = m.From,
                    msg_id = m.Id,
                    subject = m.Subject,
                    to_email = m.To.Count > 0 ? m.To[0] : "",
                    status = "delivered",
                    opens_count = 0,
                    clicks_count = 0,
                    last_event_time = m.ReceivedAt,
                }),
            });
        }).ExcludeFromDescription();

        app.MapGet("/dev/mail", async (HttpRequest request, DevMailbox mailbox, CancellationToken ct) =>
        {
            var mails = await mailbox.ListAsync(ct);
            bool wantsJson = request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
                || request.Query.ContainsKey("json");
            return wantsJson ? Results.Ok(mails) : Results.Content(Page(mails), "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/dev/mail/{id}/{file}", async (string id, string file, DevMailbox mailbox, CancellationToken ct) =>
            await mailbox.AttachmentAsync(id, file, ct) is { } attachment
                ? Results.File(attachment.Content, attachment.ContentType, file)
                : Results.NotFound()).ExcludeFromDescription();
        return app;
    }

    static readonly System.Globalization.CultureInfo Norwegian = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");

    static string Page(IReadOnlyList<DevMail> mails)
    {
        var html = new StringBuilder("""
            <!doctype html>
            <html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Utgående e-post (lokal)</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
            article{border:1px solid #999;border-radius:.4rem;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}dt{font-weight:600}</style></head>
            <body><h1>Utgående e-post (lokal)</h1>
            <p>E-post som Tilskudd har sendt fra denne maskinen. Ingenting her er sendt videre.</p>
            """);
        if (mails.Count == 0)
        {
            html.Append("<p>Ingen e-post er sendt ennå.</p>");
        }

        foreach (var mail in mails)
        {
            html.Append("<article><h2>").Append(Html.Encode(mail.Subject)).Append("</h2><dl>")
                .Append("<dt>Til</dt><dd>").Append(Html.Encode(string.Join(", ", mail.To))).Append("</dd>");
            if (mail.Cc.Count > 0)
            {
                html.Append("<dt>Kopi</dt><dd>").Append(Html.Encode(string.Join(", ", mail.Cc))).Append("</dd>");
            }

            html.Append("<dt>Fra</dt><dd>").Append(Html.Encode(mail.From)).Append("</dd>")
                .Append("<dt>Mottatt</dt><dd>").Append(OsloTime.ToOslo(mail.ReceivedAt).ToString("d. MMMM yyyy 'kl.' HH:mm:ss", Norwegian)).Append("</dd></dl>")
                .Append("<pre>").Append(Html.Encode(mail.Text)).Append("</pre>");
            if (mail.Attachments is { Count: > 0 } files)
            {
                html.Append("<p>Vedlegg:</p><ul>");
                foreach (var file in files)
                {
                    html.Append("<li><a href=\"").Append(Html.Encode(file.Link)).Append("\">").Append(Html.Encode(file.FileName))
                        .Append("</a> (").Append(file.Length / 1024).Append(" kB)</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</article>");
        }

        return html.Append("</body></html>").ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^unique_args\\['mailId'\\]=\"([^\"]*)\"$")]
    private static partial System.Text.RegularExpressions.Regex ActivityQuery();
}
