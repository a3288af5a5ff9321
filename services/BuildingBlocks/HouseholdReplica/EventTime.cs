namespace Platform.HouseholdReplica;

/// <summary>
/// The one ordering rule of a replica: a part changes only for an event strictly newer than the one
/// that last set it. A late event, a replay or a redelivery (same time) changes nothing.
/// </summary>
public static class EventTime
{
    public static bool IsNewer(DateTime? kept, DateTime incoming) => kept is null || incoming > kept;
}
