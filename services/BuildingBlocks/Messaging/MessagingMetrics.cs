using System.Diagnostics.Metrics;

namespace Platform.Messaging;

/// <summary>Outbox and consumer figures an operator watches on the dashboard.</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Platform.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _duplicatesIgnored;
    private readonly Counter<long> _consumerFailures;
    private readonly Counter<long> _inboxPruned;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _redriven;
    private OutboxFigures? _figures;
    private IReadOnlyDictionary<string, long>? _errorQueues;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("pa.outbox.published", "{message}", "Outbox rows published and confirmed by the broker");
        _publishFailures = meter.CreateCounter<long>("pa.outbox.publish_failures", "{message}", "Publishes that failed and will be retried");
        _duplicatesIgnored = meter.CreateCounter<long>("pa.inbox.duplicates_ignored", "{message}", "Redelivered messages the inbox recognised and skipped");
        _consumerFailures = meter.CreateCounter<long>("pa.consumer.failures", "{message}", "Consumer attempts that threw");
        _inboxPruned = meter.CreateCounter<long>("pa.inbox.pruned", "{message}", "Inbox rows deleted after the retention");
        _batchSize = meter.CreateHistogram<int>("pa.consumer.batch_size", "{message}", "Messages a consumer applied in one transaction (duplicates excluded)");
        meter.CreateObservableGauge("pa.outbox.backlog", () => Gauge(f => f.Backlog), "{message}",
            $"Outbox rows waiting to be published, parked rows excluded (exact up to {OutboxFigures.ExactBacklogLimit:N0}, estimated from the id span above)");
        meter.CreateObservableGauge("pa.outbox.oldest_age", () => Gauge(f => f.OldestAge.TotalSeconds), "s", "Age of the oldest unpublished outbox row");
        meter.CreateObservableGauge("pa.outbox.unpublishable", () => Gauge(f => f.Unpublishable), "{message}",
            "Outbox rows whose event type is not loaded or whose body cannot be read, not parked: they hold back their aggregate");
        _redriven = meter.CreateCounter<long>("pa.consumer.redriven", "{message}", "Messages an operator moved from an error queue back to its queue");
        meter.CreateObservableGauge("pa.consumer.error_queue_depth", ErrorQueueDepths, "{message}",
            "Messages waiting in a consumer queue's error queue (tag queue: the consumer's queue); the same figure from every replica");
        meter.CreateObservableGauge("pa.outbox.parked", () => Gauge(f => f.Parked), "{message}", "Outbox rows an operator parked");
    }

    public void Published(int count) => _published.Add(count);

    public void PublishFailed() => _publishFailures.Add(1);

    public void DuplicateIgnored(string consumer) => _duplicatesIgnored.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void ConsumerFailed(string consumer) => _consumerFailures.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void BatchApplied(string consumer, int applied) => _batchSize.Record(applied, new KeyValuePair<string, object?>("consumer", consumer));

    public void InboxPruned(int count) => _inboxPruned.Add(count);

    public void Redriven(string queue, int count) => _redriven.Add(count, new KeyValuePair<string, object?>("queue", queue));

    /// <summary>The latest error queue depths by consumer queue, or null while they cannot be read.</summary>
    public void ObserveErrorQueues(IReadOnlyDictionary<string, long>? depths) => Volatile.Write(ref _errorQueues, depths);

    public void ObserveOutbox(OutboxFigures figures) => Volatile.Write(ref _figures, figures);

    /// <summary>
    /// This replica no longer relays: its gauges report nothing rather than stale figures, so the
    /// active replica's figures are the only ones on the dashboard (a sum over replicas stays right).
    /// </summary>
    public void StandBy() => Volatile.Write(ref _figures, null);

    private IEnumerable<Measurement<long>> ErrorQueueDepths() =>
        (Volatile.Read(ref _errorQueues) ?? new Dictionary<string, long>())
            .Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key)));

    private IEnumerable<Measurement<T>> Gauge<T>(Func<OutboxFigures, T> value)
        where T : struct
    {
        var figures = Volatile.Read(ref _figures);
        return figures is null ? [] : [new Measurement<T>(value(figures))];
    }
}
