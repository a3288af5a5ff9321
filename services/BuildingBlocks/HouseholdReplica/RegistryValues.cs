namespace Platform.HouseholdReplica;

/// <summary>Reads the enum names the registry's events carry (e.g. "Weak", "SeriousIllness").</summary>
public static class RegistryValues
{
    /// <summary>
    /// The value of that name, in any case; a name this service does not know yet (the registry added
    /// one) or a number reads as the enum's default (unspecified) rather than failing the event.
    /// </summary>
    public static T Parse<T>(string? value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : default;
}
