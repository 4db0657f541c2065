using System.Collections.Concurrent;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Tests;

sealed class RecordingMailSender : IMailSender
{
    int failuresLeft;

    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    /// <summary>The next <paramref name="count"/> sends fail, as a mail service that is down would.</summary>
    public void FailNext(int count) => failuresLeft = count;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new HttpRequestException("The mail service is down.");
        }

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
