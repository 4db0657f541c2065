using Tilskudd.Domain.Rounds;
using static Tilskudd.Domain.Text.NorwegianFormat;

namespace Tilskudd.Domain.Applications;

/// <summary>
/// The checks an application must pass to be taken in. Each rule is one method named by what it
/// requires; <see cref="Validate"/> runs them all so the applicant sees every problem at once.
/// What differs between rounds is read from the round, never from its scheme id.
/// </summary>
public static class ApplicationRules
{
    delegate IEnumerable<Violation> Rule(Submission submission);

    static readonly Rule[] Requirements =
    [
        RoundIsOpen,
        AmountWithinLimits,
        DelmålAreOfTheRound,
        KindIsOffered,
        OrganisationNumberIsValid,
        OrganisationIsNamed,
        AccountNumberIsValid,
        ContactPersonIsGiven,
        PrivatePersonGivesOrganisationEmail,
        ProjectIsDescribed,
        ProjectPeriodIsValid,
        ReceptionContactIsGiven,
        BudgetIsGiven,
        BudgetLinesAreValid,
        ProjectBudgetHasNoRunningCosts,
        AmountAppliedForWithinBudget,
        SkatteattestWhenEmployees,
        MembershipListForOperatingSupport,
        PayingMembersAreStated,
        NoFaithCommunityWithOtherStateSupport,
        InformationIsConfirmedCorrect,
        NoImdiFundingForSameActivity,
        ApprovedByLeader,
        FilesHaveAcceptedTypes,
        FilesWithinSizeLimits,
        TextsWithinLengthLimits,
    ];

    static readonly Rule[] Guidelines = [PayingMembersMeetGuideline];

    public static ValidationResult Validate(Round round, ApplicationForm form, IReadOnlyList<AttachmentDescriptor> attachments, DateTimeOffset now)
    {
        var submission = new Submission(round, form, attachments ?? [], now);
        return new ValidationResult(Collect(Requirements, submission), Collect(Guidelines, submission));
    }

    /// <summary>Whether the round still takes applications (until the end of its deadline day in Oslo).</summary>
    public static bool RoundIsOpen(Round round, DateTimeOffset now) => RoundCatalog.IsOpenForApplications(round, now);

    static Dictionary<string, string[]> Collect(Rule[] rules, Submission submission) =>
        rules.SelectMany(rule => rule(submission))
            .GroupBy(v => v.Field, v => v.Message)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());

    static IEnumerable<Violation> RoundIsOpen(Submission s)
    {
        if (!RoundIsOpen(s.Round, s.Now))
        {
            yield return new("round", $"Søknadsfristen for denne runden gikk ut {Date(s.Round.ApplicationDeadline)}.");
        }
    }

    // "har et søknadsbeløp på minimum kr 10 000 og maksimum kr 1 000 000" (Oslo); the same limits in Alta.
    static IEnumerable<Violation> AmountWithinLimits(Submission s)
    {
        var limits = s.Round.Amounts;
        if (s.Form.AmountAppliedFor < limits.Minimum)
        {
            yield return new("amountAppliedFor", $"Søknadsbeløpet må være minst {Kroner(limits.Minimum)}.");
        }
        else if (s.Form.AmountAppliedFor > limits.Maximum)
        {
            yield return new("amountAppliedFor", $"Søknadsbeløpet kan være høyst {Kroner(limits.Maximum)}.");
        }
    }

    // "prosjekter, tiltak eller aktivitet må rette seg mot ett eller flere av de fire delmålene"
    static IEnumerable<Violation> DelmålAreOfTheRound(Submission s)
    {
        var chosen = s.Form.Delmål ?? [];
        if (chosen.Count == 0)
        {
            yield return new("delmål", "Velg minst ett delmål.");
        }

        foreach (string code in chosen.Where(c => s.Round.FindDelmål(c) is null))
        {
            yield return new("delmål", $"Delmål «{code}» finnes ikke i denne ordningen. Velg blant {Listed(s.Round.Delmål.Select(d => d.Code))}.");
        }
    }

    static IEnumerable<Violation> KindIsOffered(Submission s)
    {
        if (s.KindRule is null)
        {
            string kind = s.Form.Kind switch
            {
                ApplicationKind.Project => "prosjekt- og tiltaksstøtte",
                ApplicationKind.Operating => "driftsstøtte",
                _ => s.Form.Kind.ToString(),
            };
            yield return new("kind", $"{s.Round.Owner.Kommune} gir ikke {kind} i denne ordningen. Det kan søkes om: {Listed(s.Round.Kinds.Select(k => k.Title))}.");
        }
    }

    static IEnumerable<Violation> OrganisationNumberIsValid(Submission s)
    {
        string? number = s.Form.Organisation?.Number;
        if (string.IsNullOrWhiteSpace(number))
        {
            yield return new("organisation.number", "Oppgi organisasjonsnummeret.");
        }
        else if (!OrganisationNumber.HasNineDigits(number))
        {
            yield return new("organisation.number", "Organisasjonsnummeret må ha 9 siffer.");
        }
        else if (!OrganisationNumber.TryParse(number, out _))
        {
            yield return new("organisation.number", $"Organisasjonsnummeret {number.Trim()} er ikke gyldig. Sjekk at det er skrevet riktig.");
        }
    }

    static IEnumerable<Violation> OrganisationIsNamed(Submission s)
    {
        if (string.IsNullOrWhiteSpace(s.Form.Organisation?.Name))
        {
            yield return new("organisation.name", "Oppgi organisasjonens navn.");
        }

        if (!string.IsNullOrWhiteSpace(s.Form.Organisation?.Email) && !EmailAddress.IsValid(s.Form.Organisation.Email))
        {
            yield return new("organisation.email", "Organisasjonens e-postadresse er ikke gyldig.");
        }
    }

    // The grant is paid to the organisation's own account: the payment order carries it, so it is checked here.
    static IEnumerable<Violation> AccountNumberIsValid(Submission s)
    {
        string? number = s.Form.Organisation?.AccountNumber;
        if (string.IsNullOrWhiteSpace(number))
        {
            yield return new("organisation.accountNumber", "Oppgi kontonummeret tilskuddet skal betales til.");
        }
        else if (!AccountNumber.HasElevenDigits(number))
        {
            yield return new("organisation.accountNumber", "Kontonummeret må ha 11 siffer.");
        }
        else if (!AccountNumber.TryParse(number, out _))
        {
            yield return new("organisation.accountNumber", $"Kontonummeret {number.Trim()} er ikke gyldig. Sjekk at det er skrevet riktig.");
        }
    }

    static IEnumerable<Violation> ContactPersonIsGiven(Submission s)
    {
        if (string.IsNullOrWhiteSpace(s.Form.Contact?.Name))
        {
            yield return new("contact.name", "Oppgi navnet på kontaktpersonen.");
        }

        if (string.IsNullOrWhiteSpace(s.Form.Contact?.Email))
        {
            yield return new("contact.email", "Oppgi kontaktpersonens e-postadresse.");
        }
        else if (!EmailAddress.IsValid(s.Form.Contact.Email))
        {
            yield return new("contact.email", "Kontaktpersonens e-postadresse er ikke gyldig.");
        }
    }

    // "Når søknaden er sendt inn sendes det en kopi til organisasjonens meldingsboks." (Oslo, login as a private person)
    static IEnumerable<Violation> PrivatePersonGivesOrganisationEmail(Submission s)
    {
        if (s.Form.SubmittedAs == SubmittedAs.PrivatePerson && string.IsNullOrWhiteSpace(s.Form.Organisation?.Email))
        {
            yield return new("organisation.email", "Når du søker som privatperson, må du oppgi organisasjonens e-postadresse, slik at organisasjonen får kopi av søknaden.");
        }
    }

    static IEnumerable<Violation> ProjectIsDescribed(Submission s)
    {
        var project = s.Form.Project;
        if (string.IsNullOrWhiteSpace(project?.Title))
        {
            yield return new("project.title", "Oppgi tittelen på prosjektet eller tiltaket.");
        }

        if (string.IsNullOrWhiteSpace(project?.Description))
        {
            yield return new("project.description", "Beskriv prosjektet eller tiltaket.");
        }

        if (string.IsNullOrWhiteSpace(project?.Place))
        {
            yield return new("project.place", "Oppgi hvor tiltaket skal gjennomføres.");
        }
    }

    // Oslo: "må gjennomføres i Oslo i 2021". Alta: "tilskuddet skal som hovedregel brukes og regnskapsføres i" the grant year,
    // by projects lasting "fra ett til tre år", so there the period need only overlap the grant year.
    static IEnumerable<Violation> ProjectPeriodIsValid(Submission s)
    {
        if (s.Form.Project is not { } project)
        {
            yield break;
        }

        if (project.Start == default)
        {
            yield return new("project.start", "Oppgi startdato.");
        }

        if (project.End == default)
        {
            yield return new("project.end", "Oppgi sluttdato.");
        }

        if (project.Start == default || project.End == default)
        {
            yield break;
        }

        int year = s.Round.GrantYear;
        if (project.End < project.Start)
        {
            yield return new("project.end", "Sluttdatoen kan ikke være før startdatoen.");
        }
        else if (s.Round.Intake.PeriodWithinGrantYear)
        {
            if (project.Start.Year != year)
            {
                yield return new("project.start", $"Tiltaket må gjennomføres i {year}. Startdatoen må være i {year}.");
            }

            if (project.End.Year != year)
            {
                yield return new("project.end", $"Tiltaket må gjennomføres i {year}. Sluttdatoen må være i {year}.");
            }
        }
        else if (project.End.Year < year)
        {
            yield return new("project.end", $"Tiltaket må foregå i tildelingsåret {year}, men slutter før det.");
        }
        else if (project.Start.Year > year)
        {
            yield return new("project.start", $"Tiltaket må foregå i tildelingsåret {year}, men starter etter det.");
        }
    }

    // Every text has a length a person would accept and every letter, page and export can hold (TextLimits).
    static IEnumerable<Violation> TextsWithinLengthLimits(Submission s)
    {
        var f = s.Form;
        (string Field, string What, string? Text, int Limit)[] texts =
        [
            ("organisation.name", "Organisasjonens navn", f.Organisation?.Name, TextLimits.Name),
            ("organisation.email", "Organisasjonens e-postadresse", f.Organisation?.Email, TextLimits.Email),
            ("organisation.accountNumber", "Kontonummeret", f.Organisation?.AccountNumber, TextLimits.Number),
            ("organisation.number", "Organisasjonsnummeret", f.Organisation?.Number, TextLimits.Number),
            ("contact.name", "Kontaktpersonens navn", f.Contact?.Name, TextLimits.Name),
            ("contact.email", "Kontaktpersonens e-postadresse", f.Contact?.Email, TextLimits.Email),
            ("contact.phone", "Telefonnummeret", f.Contact?.Phone, TextLimits.Number),
            ("project.title", "Tittelen", f.Project?.Title, TextLimits.Title),
            ("project.description", "Beskrivelsen", f.Project?.Description, TextLimits.Description),
            ("project.place", "Stedet", f.Project?.Place, TextLimits.Place),
            ("project.receptionContact", "Kontaktpersonen ved asylmottaket", f.Project?.ReceptionContact, TextLimits.Name),
        ];
        foreach (var (field, what, text, limit) in texts)
        {
            if (text?.Length > limit)
            {
                yield return new(field, TooLong(what, text.Length, limit));
            }
        }

        foreach (var (group, i) in (f.TargetGroups ?? []).Select((g, i) => (g, i)).Where(g => g.g?.Length > TextLimits.TargetGroup))
        {
            yield return new($"targetGroups[{i}]", TooLong("Målgruppen", group.Length, TextLimits.TargetGroup));
        }

        foreach (var (code, i) in (f.Delmål ?? []).Select((c, i) => (c, i)).Where(c => c.c?.Length > TextLimits.Code))
        {
            yield return new($"delmål[{i}]", TooLong("Delmålet", code.Length, TextLimits.Code));
        }

        foreach (var (line, i) in (f.Budget ?? []).Select((l, i) => (l, i)))
        {
            if (line?.Description?.Length > TextLimits.BudgetLineDescription)
            {
                yield return new($"budget[{i}].description", TooLong("Beskrivelsen av budsjettposten", line.Description.Length, TextLimits.BudgetLineDescription));
            }

            if (line?.Category?.Length > TextLimits.Code)
            {
                yield return new($"budget[{i}].category", TooLong("Budsjettkategorien", line.Category.Length, TextLimits.Code));
            }
        }

        if (f.TargetGroups?.Count > TextLimits.MaxTargetGroups)
        {
            yield return new("targetGroups", $"Oppgi høyst {TextLimits.MaxTargetGroups} målgrupper.");
        }

        if (f.Budget?.Count > TextLimits.MaxBudgetLines)
        {
            yield return new("budget", $"Budsjettet kan ha høyst {TextLimits.MaxBudgetLines} poster. Slå sammen poster av samme slag.");
        }

        if (f.Delmål?.Count > TextLimits.MaxDelmål)
        {
            yield return new("delmål", $"Velg høyst {TextLimits.MaxDelmål} delmål.");
        }
    }

    static string TooLong(string what, int length, int limit) => $"{what} kan ha høyst {Number(limit)} tegn, men har {Number(length)}.";

    // "avtalt eller inngått samarbeid med ledelsen på asylmottak. Kontaktperson må oppgis i søknaden." (Alta)
    static IEnumerable<Violation> ReceptionContactIsGiven(Submission s)
    {
        if (s.Round.Intake.ReceptionContactRequired && s.Form.Project is { AtAsylumReception: true } project && string.IsNullOrWhiteSpace(project.ReceptionContact))
        {
            yield return new("project.receptionContact", "Oppgi kontaktperson ved asylmottaket når tiltaket skal foregå der.");
        }
    }

    // "budsjett (du kan velge om du vil bruke budsjettmalen inne i søknadsskjemaet, eller om du vil legge ved budsjett separat)"
    static IEnumerable<Violation> BudgetIsGiven(Submission s)
    {
        if (s.Budget.Count == 0 && !s.Has(AttachmentKind.Budget))
        {
            yield return new("budget", "Fyll ut budsjettet i skjemaet eller legg ved budsjettet som fil.");
        }
    }

    static IEnumerable<Violation> BudgetLinesAreValid(Submission s)
    {
        for (int i = 0; i < s.Budget.Count; i++)
        {
            var line = s.Budget[i];
            if (!s.Round.BudgetCategories.Any(c => string.Equals(c.Code, line.Category, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new($"budget[{i}].category", $"Budsjettkategorien «{line.Category}» finnes ikke. Velg blant: {Listed(s.Round.BudgetCategories.Select(c => c.Title))}.");
            }

            if (line.Amount <= 0)
            {
                yield return new($"budget[{i}].amount", "Beløpet må være større enn 0.");
            }
        }
    }

    // Alta: "prosjekt/tiltaksstøtte kan ikke benyttes til generell drift av organisasjon". The round marks the categories
    // that are running costs (BudgetCategory.OperatingSupportOnly); only an application for operating support may use them.
    static IEnumerable<Violation> ProjectBudgetHasNoRunningCosts(Submission s)
    {
        if (s.Form.Kind == ApplicationKind.Operating)
        {
            yield break;
        }

        for (int i = 0; i < s.Budget.Count; i++)
        {
            if (s.Round.BudgetCategories.FirstOrDefault(c => string.Equals(c.Code, s.Budget[i].Category, StringComparison.OrdinalIgnoreCase)) is { OperatingSupportOnly: true } category)
            {
                yield return new($"budget[{i}].category", $"Budsjettkategorien «{category.Title}» kan bare brukes når dere søker driftsstøtte. Prosjekt- og tiltaksstøtte kan ikke benyttes til generell drift av organisasjonen.");
            }
        }
    }

    static IEnumerable<Violation> AmountAppliedForWithinBudget(Submission s)
    {
        long total = s.Budget.Where(l => l.Amount > 0).Sum(l => l.Amount);
        if (s.Budget.Count > 0 && s.Form.AmountAppliedFor > total)
        {
            yield return new("amountAppliedFor", $"Søknadsbeløpet ({Kroner(s.Form.AmountAppliedFor)}) kan ikke være større enn budsjettets samlede kostnader ({Kroner(total)}).");
        }
    }

    // "skatteattest hvis dere har ansatte"
    static IEnumerable<Violation> SkatteattestWhenEmployees(Submission s)
    {
        if (s.Form.NumberOfEmployees < 0)
        {
            yield return new("numberOfEmployees", "Antall ansatte kan ikke være negativt.");
        }
        else if (s.Form.NumberOfEmployees > 0 && s.Round.Attachments.SkatteattestWhenEmployees && !s.Has(AttachmentKind.Skatteattest))
        {
            yield return new("attachments.skatteattest", "Legg ved skatteattest når organisasjonen har ansatte.");
        }
    }

    // "Organisasjonene må legge frem medlemsliste ved søknad." (Alta, operating support)
    static IEnumerable<Violation> MembershipListForOperatingSupport(Submission s)
    {
        if (s.KindRule is { RequiresMembershipList: true } && !s.Has(AttachmentKind.MembershipList))
        {
            yield return new("attachments.membershipList", "Legg ved medlemslisten. Organisasjonen må legge frem medlemsliste når den søker driftsstøtte.");
        }
    }

    // "Tildelingen av støtte baseres på antallet betalende medlemmer"
    static IEnumerable<Violation> PayingMembersAreStated(Submission s)
    {
        if (s.Form.PayingMembers < 0)
        {
            yield return new("payingMembers", "Antall betalende medlemmer kan ikke være negativt.");
        }
        else if (s.KindRule is { MinimumPayingMembers: not null } && s.Form.PayingMembers is null)
        {
            yield return new("payingMembers", "Oppgi antall betalende medlemmer (medlemmer som har betalt kontingent via bank til organisasjonens konto).");
        }
    }

    // "For å kunne motta driftstøtte settes det et veiledende krav til minst 20 betalende medlemmer": a guideline, so a warning.
    static IEnumerable<Violation> PayingMembersMeetGuideline(Submission s)
    {
        if (s.KindRule is { MinimumPayingMembers: int minimum } && s.Form.PayingMembers is int members && members >= 0 && members < minimum)
        {
            yield return new("payingMembers", $"Det er et veiledende krav om minst {minimum} betalende medlemmer for driftsstøtte. Søknaden kan sendes, men antallet tas med i vurderingen.");
        }
    }

    // "Driftstøtte kan ikke gis til tros- og livssynssamfunn som mottar annen form for statsstøtte."
    static IEnumerable<Violation> NoFaithCommunityWithOtherStateSupport(Submission s)
    {
        if (s.KindRule is { ExcludesFaithCommunitiesWithOtherStateSupport: true } && s.Declarations.FaithCommunityWithOtherStateSupport)
        {
            yield return new("declarations.faithCommunityWithOtherStateSupport", "Driftsstøtte kan ikke gis til tros- og livssynssamfunn som mottar annen form for statsstøtte.");
        }
    }

    static IEnumerable<Violation> InformationIsConfirmedCorrect(Submission s)
    {
        if (!s.Declarations.InformationIsCorrect)
        {
            yield return new("declarations.informationIsCorrect", "Bekreft at opplysningene i søknaden er riktige.");
        }
    }

    // "En organisasjon kan ikke motta støtte til samme aktivitet både fra IMDi og Alta kommune." The state scheme's
    // regulation says the same for every kommune, so every round asks.
    static IEnumerable<Violation> NoImdiFundingForSameActivity(Submission s)
    {
        if (!s.Declarations.NoImdiFundingForSameActivity)
        {
            yield return new("declarations.noImdiFundingForSameActivity", $"Bekreft at organisasjonen ikke får støtte fra IMDi til samme aktivitet. En organisasjon kan ikke motta støtte til samme aktivitet både fra IMDi og {s.Round.Owner.Kommune}.");
        }
    }

    // "Søknaden skal godkjennes av organisasjonens leder eller av den som har delegert myndighet til å godkjenne søknader." (Alta)
    static IEnumerable<Violation> ApprovedByLeader(Submission s)
    {
        if (s.Round.Intake.RequiresLeaderApproval && !s.Declarations.ApprovedByLeader)
        {
            yield return new("declarations.approvedByLeader", "Bekreft at søknaden er godkjent av organisasjonens leder eller av den som har delegert myndighet til å godkjenne søknader.");
        }
    }

    static IEnumerable<Violation> FilesHaveAcceptedTypes(Submission s)
    {
        foreach (var file in s.Attachments)
        {
            if (file.Length <= 0)
            {
                yield return new("attachments", $"Filen «{file.FileName}» er tom.");
            }
            else if (file.DetectedType == FileType.Unknown)
            {
                yield return new("attachments", $"Filen «{file.FileName}» har en filtype vi ikke tar imot. Bruk PDF, DOCX, XLSX, ODT, PNG eller JPEG.");
            }
        }
    }

    static IEnumerable<Violation> FilesWithinSizeLimits(Submission s)
    {
        var limits = s.Round.Attachments;
        foreach (var file in s.Attachments.Where(f => f.Length > limits.MaxFileBytes))
        {
            yield return new("attachments", $"Filen «{file.FileName}» er på {Megabytes(file.Length)}. Hver fil kan være på høyst {Megabytes(limits.MaxFileBytes)}.");
        }

        long total = s.Attachments.Sum(f => Math.Max(f.Length, 0));
        if (total > limits.MaxTotalBytes)
        {
            yield return new("attachments", $"Vedleggene er til sammen på {Megabytes(total)}. De kan til sammen være på høyst {Megabytes(limits.MaxTotalBytes)}.");
        }

        if (s.Attachments.Count > limits.MaxFiles)
        {
            yield return new("attachments", $"Du kan legge ved høyst {limits.MaxFiles} filer.");
        }
    }

    /// <summary>"A, B og C".</summary>
    static string Listed(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} og {list[^1]}";
    }

    sealed record Submission(Round Round, ApplicationForm Form, IReadOnlyList<AttachmentDescriptor> Attachments, DateTimeOffset Now)
    {
        public ApplicationKindRule? KindRule { get; } = Round.FindKind(Form.Kind);

        public IReadOnlyList<BudgetLine> Budget => Form.Budget ?? [];

        public Declarations Declarations => Form.Declarations ?? new();

        public bool Has(AttachmentKind kind) => Attachments.Any(a => a.Kind == kind && a.Length > 0);
    }
}
