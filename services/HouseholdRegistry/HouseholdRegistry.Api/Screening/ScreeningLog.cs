using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Screening;

internal static partial class ScreeningLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Imported roll batch {BatchId} ({Kind}, county {County}): {Imported} rows imported, {Rejected} rejected, {Ended} entries ended")]
    public static partial void RollImported(ILogger logger, string batchId, AssistanceRollKind kind, string county, int imported, int rejected, int ended);
}
