using System.Diagnostics.Metrics;

namespace Platform.Messaging.ChangeFeed;

/// <summary>The change feed's figures on the dashboard: numbering keeps up, subscribers read, the log is pruned.</summary>
public sealed class ChangeFeedMetrics
{
    public const string MeterName = "Platform.ChangeFeed";

    private readonly Counter<long> _numbered;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _pruned;
    private readonly UpDownCounter<int> _streams;

    public ChangeFeedMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _numbered = meter.CreateCounter<long>("pa.changes.numbered", "{change}", "Committed changes the sequencer gave a cursor");
        _delivered = meter.CreateCounter<long>("pa.changes.delivered", "{change}", "Changes sent to subscribers (streams and pages)");
        _pruned = meter.CreateCounter<long>("pa.changes.pruned", "{change}", "Changes deleted after the retention");
        _streams = meter.CreateUpDownCounter<int>("pa.changes.streams", "{stream}", "WatchChanges streams open on this replica");
    }

    public void Numbered(int count) => _numbered.Add(count);

    public void Delivered(int count) => _delivered.Add(count);

    public void Pruned(int count) => _pruned.Add(count);

    public void StreamOpened() => _streams.Add(1);

    public void StreamClosed() => _streams.Add(-1);
}
