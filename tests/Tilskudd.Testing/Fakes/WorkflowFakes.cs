using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tilskudd.Domain.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Testing.Fakes;

/// <summary>Every port of the workflow, in memory and recording, for running the orchestrator on the in-process engine.</summary>
public sealed class WorkflowFakes
{
    public RecordingMailSender Mail { get; } = new();

    public InMemoryMailLedger MailLedger { get; } = new();

    public InMemoryPotLedger Pots { get; } = new();

    public InMemoryCaseViews Views { get; } = new();

    public ConcurrentQueue<ArchivedLetter> Letters { get; } = new();

    public ConcurrentQueue<RegisterTranche> Payouts { get; } = new();

    public ConcurrentQueue<NotifyCaseworkers> Notices { get; } = new();

    /// <summary>What the registers answer, by organisation number; an organisation not here is unknown to them.</summary>
    public ConcurrentDictionary<string, RegisterFacts> Register { get; } = new();

    /// <summary>Registers the fakes as the workflow's ports, with a renderer that echoes the model.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<IMailSender>(Mail);
        services.AddSingleton<IMailLedger>(MailLedger);
        services.AddSingleton<IMailRenderer, EchoRenderer>();
        services.AddSingleton<IPotLedger>(Pots);
        services.AddSingleton<ICaseViews>(Views);
        services.AddSingleton<ILetterArchive>(new RecordingLetterArchive(Letters));
        services.AddSingleton<IPayoutRegister>(new Recorder<RegisterTranche>(Payouts));
        services.AddSingleton<ICaseworkerInbox>(new Recorder<NotifyCaseworkers>(Notices));
        services.AddSingleton<IOrganisationRegister>(new FakeRegister(Register));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    sealed class FakeRegister(ConcurrentDictionary<string, RegisterFacts> facts) : IOrganisationRegister
    {
        public Task<RegisterFacts?> FindAsync(string organisationNumber, CancellationToken cancellationToken) =>
            Task.FromResult(facts.GetValueOrDefault(organisationNumber));
    }

    sealed class Recorder<T>(ConcurrentQueue<T> queue) : IPayoutRegister, ICaseworkerInbox
    {
        public Task RegisterAsync(RegisterTranche tranche, CancellationToken cancellationToken) => Record(tranche);

        public Task NotifyAsync(NotifyCaseworkers notice, CancellationToken cancellationToken) => Record(notice);

        Task Record(object item)
        {
            queue.Enqueue((T)item);
            return Task.CompletedTask;
        }
    }
}

public sealed class RecordingMailSender : IMailSender
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

    public Task<bool?> WasAcceptedAsync(string mailId, CancellationToken cancellationToken) => Task.FromResult<bool?>(Sent.Any(m => m.MailId == mailId));

    public TimeSpan AcceptedMailVisibleAfter => TimeSpan.Zero;
}

public sealed class InMemoryMailLedger : IMailLedger
{
    readonly ConcurrentDictionary<string, bool> sent = new();
    readonly ConcurrentDictionary<string, long> attempted = new();

    public Task<MailLedgerEntry?> FindAsync(string mailId, CancellationToken cancellationToken) => Task.FromResult(
        sent.ContainsKey(mailId) ? new MailLedgerEntry(Sent: true, SinceAttempt: null)
        : attempted.TryGetValue(mailId, out long at) ? new MailLedgerEntry(Sent: false, System.Diagnostics.Stopwatch.GetElapsedTime(at))
        : null);

    public Task RecordAttemptAsync(string mailId, CancellationToken cancellationToken)
    {
        attempted.TryAdd(mailId, System.Diagnostics.Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task RecordSentAsync(string mailId, CancellationToken cancellationToken)
    {
        sent[mailId] = true;
        return Task.CompletedTask;
    }
}

/// <summary>Renders a mail as its template id and model, so a test can read what would be said.</summary>
public sealed class EchoRenderer : IMailRenderer
{
    public (string Subject, string TextBody, string? HtmlBody) Render(string templateId, IReadOnlyDictionary<string, string> model) =>
        ($"{templateId} {model.GetValueOrDefault("reference")}", string.Join("\n", model.Select(kv => $"{kv.Key}={kv.Value}")), null);
}

/// <summary>A pot ledger for one pot size per round, kept in memory with a lock.</summary>
public sealed class InMemoryPotLedger : IPotLedger
{
    readonly Dictionary<(string Round, string Reference), long> grants = [];
    readonly Lock gate = new();

    public long? Pot { get; set; }

    public Task<PotPosition> ReserveAsync(string roundId, string reference, long amount, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            long others = grants.Where(g => g.Key.Round == roundId && g.Key.Reference != reference).Sum(g => g.Value);
            if (Pot is { } pot && others + amount > pot)
            {
                long current = grants.GetValueOrDefault((roundId, reference));
                return Task.FromResult(new PotPosition(false, pot - others - current, others + current));
            }

            grants[(roundId, reference)] = amount;
            return Task.FromResult(new PotPosition(true, Pot - others - amount, others + amount));
        }
    }

    public Task<PotPosition> ReleaseAsync(string roundId, string reference, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            grants.Remove((roundId, reference));
            long granted = grants.Where(g => g.Key.Round == roundId).Sum(g => g.Value);
            return Task.FromResult(new PotPosition(true, Pot - granted, granted));
        }
    }

    public long GrantedIn(string roundId)
    {
        lock (gate)
        {
            return grants.Where(g => g.Key.Round == roundId).Sum(g => g.Value);
        }
    }
}

public sealed class InMemoryCaseViews : ICaseViews
{
    readonly ConcurrentDictionary<string, (CaseSummary, CaseState)> rows = new();
    readonly ConcurrentDictionary<(string Reference, int Version), CaseEvent> log = new();

    public Task SaveAsync(CaseSummary summary, CaseState state, IReadOnlyList<NumberedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            log[(summary.Reference, e.Version)] = e.Event;
        }

        rows[summary.Reference] = (summary, state);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NumberedEvent>> EventsAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NumberedEvent>>([.. log.Where(e => e.Key.Reference == reference).OrderBy(e => e.Key.Version).Select(e => new NumberedEvent(e.Key.Version, e.Value))]);

    public Task<(CaseSummary Summary, CaseState State)?> FindAsync(string roundId, string reference, CancellationToken cancellationToken) =>
        Task.FromResult<(CaseSummary, CaseState)?>(rows.TryGetValue(reference, out var row) ? row : null);
}

/// <summary>Keeps each letter once, as the archive does: the mail and the RenderLetter activity store the same letter.</summary>
public sealed class RecordingLetterArchive(ConcurrentQueue<ArchivedLetter> letters) : ILetterArchive
{
    readonly object gate = new();

    public RecordingLetterArchive()
        : this(new ConcurrentQueue<ArchivedLetter>())
    {
    }

    public IReadOnlyCollection<ArchivedLetter> Stored => letters;

    public Task<LetterFile> StoreAsync(ArchivedLetter letter, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!letters.Any(l => l.LetterId == letter.LetterId))
            {
                letters.Enqueue(letter);
            }
        }

        return Task.FromResult(new LetterFile(letter.FileName, System.Text.Encoding.UTF8.GetBytes(letter.Text)));
    }
}
