namespace Tilskudd.Domain.Applications;

/// <summary>
/// How long each text of the form may be: room for what a person writes (a description of several pages), and a
/// bound that every letter, page and export can carry (a spreadsheet cell holds at most 32 767 characters). The same
/// for every round: these are the product's limits, not a scheme's.
/// </summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int Email = 254; // RFC 5321's longest usable address
    public const int Number = 40; // an organisation, account or phone number as typed, with spaces or dots
    public const int Title = 200;
    public const int Description = 10_000;
    public const int Place = 300;
    public const int BudgetLineDescription = 500;
    public const int Code = 50;
    public const int TargetGroup = 300;
    public const int MaxTargetGroups = 20;
    public const int MaxBudgetLines = 100;
    public const int MaxDelmål = 20;
}
