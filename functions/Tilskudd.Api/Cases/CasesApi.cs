using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Api.Cases;

/// <summary>
/// Every command of applicants, caseworkers and decision makers as an endpoint: each reads its request
/// into a command and leaves the rest (who, the checks, raising, the answer) to <see cref="CaseCommands"/>.
/// The eligibility check has no endpoint: the system does it from the registers.
/// </summary>
public static class CasesApi
{
    const long MaxJsonBytes = 256 * 1024;

    // ── The organisation ─────────────────────────────────────────────────────────────

    /// <summary>The answer to a mangelbrev: multipart with the text field "answer" and any files.</summary>
    public static Task<IResult> SubmitInformation(Admitted caller, HttpRequest request, CaseCommands commands, CaseFiles files, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, async (req, by, state, token) =>
        {
            var (form, error) = await ReadFormAsync(req, _ => AttachmentKind.InformationReply, token);
            return form is null
                ? Drafted.Invalid(error!)
                : new Drafted(new SubmitInformation(by, form.Fields["answer"].ToString()), null, (id, t) => files.StoreAsync(state.Reference, state.Version, id, form.Files, t));
        }, cancellationToken);

    public static Task<IResult> AcceptTerms(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, NoBody(by => new AcceptTerms(by)), cancellationToken);

    public static Task<IResult> DeclineTerms(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<ReasonBody>((by, b) => new DeclineTerms(by, b.Reason ?? "")), cancellationToken);

    public static Task<IResult> WithdrawApplication(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<ReasonBody>((by, b) => new Withdraw(by, b.Reason ?? "")), cancellationToken);

    public static Task<IResult> RequestChange(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<ChangeRequestBody>((by, b) => new RequestChange(by, b.Description ?? "")), cancellationToken);

    /// <summary>
    /// Report and accounts: multipart with "amountUsed" (whole kroner) and the files report and accounts (both required:
    /// the round's <c>report.requiredFiles</c>) and auditorsStatement (from the round's audit threshold).
    /// </summary>
    public static Task<IResult> SubmitReport(Admitted caller, HttpRequest request, CaseCommands commands, CaseFiles files, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, async (req, by, state, token) =>
        {
            var (form, error) = await ReadFormAsync(req, ReportFileKind, token);
            if (form is null)
            {
                return Drafted.Invalid(error!);
            }

            if (!long.TryParse(form.Fields["amountUsed"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out long amountUsed))
            {
                return Drafted.Invalid("Oppgi brukt beløp i hele kroner i feltet «amountUsed».");
            }

            // The door checks the kinds sent (ReportAndAccountsAreAttached); the case gets them with the names they are stored under.
            bool audited = form.Files.Any(f => f.Kind == AttachmentKind.AuditorsStatement);
            return new Drafted(
                new SubmitReport(by, amountUsed, audited, [.. form.Files.Select(f => new AttachedFile(f.Kind, f.FileName))]),
                null,
                (id, t) => files.StoreAsync(state.Reference, state.Version, id, form.Files, t),
                stored => new SubmitReport(by, amountUsed, audited, [.. stored.Select(f => new AttachedFile(f.Kind, f.FileName, CaseReads.LinkName(f.BlobName)))]));
        }, cancellationToken);

    public static Task<IResult> AppealDecision(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<AppealBody>((by, b) => new Appeal(by, b.Grounds ?? "")), cancellationToken);

    // ── Caseworkers and decision makers ──────────────────────────────────────────────

    public static Task<IResult> StartReview(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, NoBody(by => new StartReview(by)), cancellationToken);

    public static Task<IResult> RequestInformation(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<InformationRequestBody>((by, b) => new RequestInformation(by, b.Question ?? "", b.ReplyBy)), cancellationToken);

    public static Task<IResult> AssessApplication(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<AssessmentBody>((by, b) =>
            new Assess(by, b.Scores ?? [], b.Exclusions ?? [], b.RecommendedAmount, b.Comment ?? "")), cancellationToken);

    public static Task<IResult> MakeDecision(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<DecisionBody>((by, b) => b.Outcome is { } outcome
            ? new MakeDecision(by, outcome, b.Amount, b.Reasons ?? [])
            : Drafted.Invalid("Oppgi utfallet i «outcome»: granted, partlyGranted eller rejected.")), cancellationToken);

    /// <summary>
    /// Consent (or not) to the pending change request. A case has at most one pending change, so the
    /// route names none (the ".../change-requests/{id}/consent" has no id to check here).
    /// </summary>
    public static Task<IResult> AnswerChangeRequest(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<ConsentBody>((by, b) => b.Consent is { } consent
            ? new AnswerChangeRequest(by, consent, b.Comment ?? "")
            : Drafted.Invalid("Oppgi «consent»: true (samtykke) eller false.")), cancellationToken);

    public static Task<IResult> ReviewReport(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<ReportApprovalBody>((by, b) => b.AcceptedUse is { } acceptedUse
            ? new ReviewReport(by, acceptedUse, b.Comment ?? "")
            : Drafted.Invalid("Oppgi i «acceptedUse» hvor mange kroner som er godkjent brukt til formålet.")), cancellationToken);

    public static Task<IResult> RegisterRepayment(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<RepaymentBody>((by, b) => b.Amount is { } amount
            ? new RegisterRepayment(by, amount)
            : Drafted.Invalid("Oppgi innbetalt beløp i «amount».")), cancellationToken);

    public static Task<IResult> ResolveAppeal(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<AppealResolutionBody>((by, b) => b switch
        {
            { Upheld: null } => Drafted.Invalid("Oppgi «upheld»: true (vedtaket opprettholdes) eller false (vedtaket endres)."),
            { Upheld: false, NewOutcome: null } => Drafted.Invalid("Et endret vedtak trenger «newOutcome»: granted, partlyGranted eller rejected."),
            _ => new ReconsiderAppeal(by, b.Upheld.Value, b.NewOutcome ?? DecisionOutcome.Rejected, b.NewAmount, b.Reasons ?? []),
        }), cancellationToken);

    public static Task<IResult> AdmitLateAppeal(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<LateAppealBody>((by, b) => new AdmitLateAppeal(by, b.Grounds ?? "", b.Reason ?? "")), cancellationToken);

    public static Task<IResult> RecommendOnAppeal(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<AppealRecommendationBody>((by, b) => b.Uphold is { } uphold
            ? new RecommendOnAppeal(by, uphold, b.Recommendation ?? "")
            : Drafted.Invalid("Oppgi «uphold»: true (innstiller på å opprettholde vedtaket) eller false (endre det).")), cancellationToken);

    public static Task<IResult> RegisterAppealBodyDecision(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<AppealBodyDecisionBody>((by, b) => b switch
        {
            { DecidedOn: null } => Drafted.Invalid("Oppgi klageinstansens vedtaksdato i «decidedOn» (ÅÅÅÅ-MM-DD)."),
            { Upheld: null } => Drafted.Invalid("Oppgi «upheld»: true (klagen ikke tatt til følge) eller false (vedtaket endret)."),
            { Upheld: false, NewOutcome: null } => Drafted.Invalid("Et endret vedtak trenger «newOutcome»: granted, partlyGranted eller rejected."),
            _ => new RegisterAppealBodyDecision(by, b.DecidedOn.Value, b.LetterReference ?? "", b.Upheld.Value, b.NewOutcome ?? DecisionOutcome.Rejected, b.NewAmount, b.Reasons ?? []),
        }), cancellationToken);

    public static Task<IResult> DeclareImpartiality(Admitted caller, HttpRequest request, CaseCommands commands, DurableTaskClient engine, CancellationToken cancellationToken) =>
        commands.SendAsync(caller, request, engine, Json<ImpartialityBody>((by, b) => b.Disqualified is { } disqualified
            ? new DeclareImpartiality(by, disqualified, b.Reason ?? "")
            : Drafted.Invalid("Oppgi «disqualified»: true (inhabil) eller false (habil), og begrunnelsen i «reason».")), cancellationToken);

    // ── Reading requests ─────────────────────────────────────────────────────────────

    static DraftCommand NoBody(Func<Actor, CaseCommand> make) =>
        (_, by, _, _) => ValueTask.FromResult<Drafted>(make(by));

    /// <summary>A JSON body (camelCase, enums as strings); an empty body is read as {}.</summary>
    static DraftCommand Json<T>(Func<Actor, T, Drafted> make) => async (request, by, _, cancellationToken) =>
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return Drafted.Invalid($"Forespørselen kan være på høyst {MaxJsonBytes / 1024} kB.");
        }

        using var reader = new StreamReader(request.Body);
        string text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            var body = JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(text) ? "{}" : text, JsonDefaults.Options);
            return body is null ? Drafted.Invalid("Forespørselen må være et JSON-objekt.") : make(by, body);
        }
        catch (JsonException e)
        {
            string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "forespørselen" : $"«{e.Path.TrimStart('$', '.')}»";
            return Drafted.Invalid($"JSON-en kunne ikke leses ved {where}. Sjekk at verdien har riktig type.");
        }
    };

    static async Task<(CaseForm? Form, string? Error)> ReadFormAsync(HttpRequest request, Func<string, AttachmentKind?> kindOf, CancellationToken cancellationToken) =>
        CaseFiles.IsMultipart(request)
            ? await CaseFiles.ReadAsync(request, kindOf, cancellationToken)
            : (null, "Send skjemaet som multipart/form-data.");

    static AttachmentKind? ReportFileKind(string partName) => partName.ToUpperInvariant() switch
    {
        "REPORT" => AttachmentKind.Report,
        "ACCOUNTS" => AttachmentKind.Accounts,
        "AUDITORSSTATEMENT" => AttachmentKind.AuditorsStatement,
        _ => null,
    };
}
