using Tilskudd.Domain.Templates;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Mail;

/// <summary>Renders the workflow's mail requests with the domain's nb-NO Liquid templates.</summary>
public sealed class TemplateMailRenderer : IMailRenderer
{
    public (string Subject, string TextBody, string? HtmlBody) Render(string templateId, IReadOnlyDictionary<string, string> model)
    {
        var mail = TemplateRenderer.Render(templateId, model);
        return (mail.Subject, mail.TextBody, mail.HtmlBody);
    }
}
