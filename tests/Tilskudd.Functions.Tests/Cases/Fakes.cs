using System.Collections.Concurrent;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Functions.Tests.Cases;

sealed class RecordingMailSender : IMailSender
{
    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}

sealed class InMemoryMailLedger : IMailLedger
{
    readonly ConcurrentDictionary<string, bool> sent = new();

    public Task<bool> WasSentAsync(string mailId, CancellationToken cancellationToken) => Task.FromResult(sent.ContainsKey(mailId));

    public Task RecordSentAsync(string mailId, CancellationToken cancellationToken)
    {
        sent[mailId] = true;
        return Task.CompletedTask;
    }
}

sealed class EchoRenderer : IMailRenderer
{
    public (string Subject, string TextBody, string? HtmlBody) Render(string templateId, IReadOnlyDictionary<string, string> model) =>
        ($"{templateId} {model["reference"]}", string.Join("\n", model.Select(kv => $"{kv.Key}={kv.Value}")), null);
}
