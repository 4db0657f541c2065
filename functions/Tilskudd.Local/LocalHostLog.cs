namespace Tilskudd.Local;

static partial class LocalHostLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tilskudd.Local is ready: rounds at /api/rounds, sent mail at /dev/mail")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage cannot be reached. Start Azurite (./run.sh does) or set Tilskudd__Storage__ConnectionString to a reachable account.")]
    public static partial void StorageUnreachable(ILogger logger, Exception error);
}
