namespace Tilskudd.Domain.Templates;

/// <summary>A mail or letter ready to send: subject, plain text, and the same text as simple HTML.</summary>
public sealed record RenderedMail(string Subject, string TextBody, string? HtmlBody);
