namespace Tilskudd.Local;

static partial class LocalHostLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tilskudd.Local is ready: rounds at /api/rounds, sent mail at /dev/mail")]
    public static partial void Ready(ILogger logger);
}
