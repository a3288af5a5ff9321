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
    private long _backlog;
    private double _oldestAgeSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("pa.outbox.published", "{message}", "Outbox rows published and confirmed by the broker");
        _publishFailures = meter.CreateCounter<long>("pa.outbox.publish_failures", "{message}", "Publishes that failed and will be retried");
        _duplicatesIgnored = meter.CreateCounter<long>("pa.inbox.duplicates_ignored", "{message}", "Redelivered messages the inbox recognised and skipped");
        _consumerFailures = meter.CreateCounter<long>("pa.consumer.failures", "{message}", "Consumer attempts that threw");
        _inboxPruned = meter.CreateCounter<long>("pa.inbox.pruned", "{message}", "Inbox rows deleted after the retention");
        meter.CreateObservableGauge("pa.outbox.backlog", () => Interlocked.Read(ref _backlog), "{message}", "Outbox rows waiting to be published");
        meter.CreateObservableGauge("pa.outbox.oldest_age", () => Volatile.Read(ref _oldestAgeSeconds), "s", "Age of the oldest unpublished outbox row");
    }

    public long Backlog => Interlocked.Read(ref _backlog);

    public void Published(int count) => _published.Add(count);

    public void PublishFailed() => _publishFailures.Add(1);

    public void DuplicateIgnored(string consumer) => _duplicatesIgnored.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void ConsumerFailed(string consumer) => _consumerFailures.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void InboxPruned(int count) => _inboxPruned.Add(count);

    public void ObserveBacklog(long backlog, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _backlog, backlog);
        Volatile.Write(ref _oldestAgeSeconds, oldestAge.TotalSeconds);
    }
}
