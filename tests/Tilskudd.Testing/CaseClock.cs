namespace Tilskudd.Testing;

/// <summary>
/// The development clock's lead that puts a case's "now" at the instant a test names, whatever day the test
/// runs on: a case started with it lives on the test's own date from its first event, and every later move
/// (<see cref="LeadTo"/> of a later instant) is forward, as the case's clock requires.
/// </summary>
public static class CaseClock
{
    /// <summary>The offset over real time that makes "now" <paramref name="now"/>.</summary>
    public static TimeSpan LeadTo(DateTimeOffset now) => now - TimeProvider.System.GetUtcNow();
}
