namespace Platform.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the relay looks for rows when no commit woke it.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 500;

    /// <summary>Aggregates published at once; events of one aggregate always go one after another.</summary>
    public int MaxConcurrentPublishes { get; set; } = 64;

    /// <summary>A publish that the broker has not confirmed by then counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the relay's lease lasts after each pass renews it. A replica that dies is replaced by a
    /// standing-by one within this time (plus a sweep interval). Must exceed <see cref="PublishTimeout"/>:
    /// a pass starts no publish later than <see cref="PublishTimeout"/> before its lease ends.
    /// </summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the relay measures its backlog and problem rows for the gauges.</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Exponential back-off with jitter, capped at <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Min(attempts, 16);
        var millis = Math.Min(MaxBackoff.TotalMilliseconds, MinBackoff.TotalMilliseconds * Math.Pow(2, exponent - 1));
        return TimeSpan.FromMilliseconds(millis * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
