namespace Tilskudd.Domain.Rounds;

/// <summary>
/// A grant scheme (tilskuddsordning) as one data file in Rounds/Data: the round of its base year,
/// from which every other year is made by moving the dates. A new kommune is a new file.
/// </summary>
/// <param name="Id">"alta", "oslo": the file name and the first part of every round id.</param>
/// <param name="BaseYear">The grant year the seed describes.</param>
public sealed record Scheme(string Id, int BaseYear, Round BaseRound);
