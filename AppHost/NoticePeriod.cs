using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>
/// "Registry:NoticeDays": how many days a public notice (公示) stays up in this local run. Unset,
/// the registry keeps its configured period (7 days by default, per year in Registry:Policy), so
/// only a run that asks for it is shortened; 0 lets a notice close the day it goes up, so one
/// household can go from application to registration in one sitting.
/// </summary>
public static class NoticePeriod
{
    public const string Setting = "Registry:NoticeDays";

    /// <summary>
    /// The registry's per-year setting it becomes. Year 2000 is earlier than any year the registry
    /// runs, so it applies to every year that has no entry of its own.
    /// </summary>
    public const string RegistryVariable = "Registry__Policy__Years__2000__NoticeDays";

    /// <summary>The days asked for, or null when the setting is absent.</summary>
    public static int? DaysFrom(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        return int.TryParse(configured, out var days) && days >= 0
            ? days
            : throw new InvalidOperationException($"{Setting} must be a whole number of days, 0 or more, not '{configured}'.");
    }

    public static string Announcement(int days) =>
        $"Notices (公示) stay up {days} day(s) in this run ({Setting}); without it the registry's own period applies (7 days by default).";

    public static IResourceBuilder<ProjectResource> WithNoticePeriod(this IResourceBuilder<ProjectResource> registry)
    {
        if (DaysFrom(registry.ApplicationBuilder.Configuration) is not { } days)
        {
            return registry;
        }

        Console.WriteLine($"[apphost] {Announcement(days)}");
        return registry.WithEnvironment(RegistryVariable, days.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
