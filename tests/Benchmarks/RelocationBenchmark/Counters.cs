using System.Diagnostics.Metrics;

namespace Platform.Benchmarks.Relocation;

/// <summary>
/// Listens to the platform's messaging counters in this process: consumer attempts that threw (and were
/// retried, e.g. two consumers inserting the same job at once) and the service's outbox events published.
/// </summary>
public sealed class Counters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _consumerFailures;
    private long _published;

    public Counters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "pa.consumer.failures" or "pa.outbox.published")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "pa.consumer.failures")
            {
                Interlocked.Add(ref _consumerFailures, value);
            }
            else
            {
                Interlocked.Add(ref _published, value);
            }
        });
        _listener.Start();
    }

    public long ConsumerFailures => Interlocked.Read(ref _consumerFailures);

    public long OutboxPublished => Interlocked.Read(ref _published);

    public void Dispose() => _listener.Dispose();
}
