using System.Globalization;

namespace Platform.Benchmarks.Outbox;

/// <summary>One timed phase: how many events, how long, and how many the counting consumer received.</summary>
public sealed record PhaseResult(int Events, TimeSpan Elapsed, int Received, int Passes = 0, RelayDbTime Db = default)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public bool Lost => Received < Events;

    public static string Rate(double eventsPerSecond) => eventsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"{Rate(EventsPerSecond)} ev/s ({Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)";

    /// <summary>Where a relay drain went: database statements by kind, and the rest (deserialize, publish, confirm).</summary>
    public string Breakdown() =>
        $"{Passes} passes; db {Ms(Db.Total)} ms (backlog {Ms(Db.Backlog)}, fetch {Ms(Db.Fetch)}, delete {Ms(Db.Delete)}), "
        + $"publish side {Ms(Elapsed - Db.Total)} ms";
}
