using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.EventLatency;

/// <summary>When one import call was sent and when its answer (after the commit) came back.</summary>
public sealed record ImportCall(int Index, DateTime Started, DateTime Answered, int Households);

/// <summary>
/// Registers households through the registry's import at a steady rate: a small call every few
/// milliseconds, on schedule whether or not earlier calls have answered. Every household's
/// registered_at names its call (a second per call from <see cref="Epoch"/>), so an event can be
/// matched to the commit that wrote it.
/// </summary>
public sealed class SteadyFeeder(ServiceProcess registry, Metadata caller)
{
    public static readonly DateTime Epoch = new(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public ConcurrentDictionary<int, ImportCall> Calls { get; } = new();

    public static int CallOf(DateTime registeredAt) => (int)(registeredAt - Epoch).TotalSeconds;

    /// <summary>Sends <paramref name="households"/> in calls of <paramref name="perCall"/> at <paramref name="ratePerSecond"/>, starting with call <paramref name="firstCall"/>.</summary>
    public async Task RunAsync(IEnumerable<ImportedHousehold> households, int perCall, double ratePerSecond, int firstCall, string label)
    {
        var client = new HouseholdImportService.HouseholdImportServiceClient(registry.Channel);
        var interval = TimeSpan.FromSeconds(perCall / ratePerSecond);
        var start = DateTime.UtcNow;
        var running = new List<Task>();
        var index = firstCall;
        foreach (var chunk in households.Chunk(perCall))
        {
            var due = start + (index - firstCall) * interval;
            if (due > DateTime.UtcNow)
            {
                await Task.Delay(due - DateTime.UtcNow);
            }

            running.Add(SendAsync(client, chunk, index++, label));
        }

        await Task.WhenAll(running);
    }

    private async Task SendAsync(HouseholdImportService.HouseholdImportServiceClient client, ImportedHousehold[] chunk, int index, string label)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i].Status = HouseholdStatus.Registered;
            chunk[i].ExitedAt = null;
            chunk[i].RegisteredAt = Timestamp.FromDateTime(Epoch.AddSeconds(index).AddMilliseconds(i));
        }

        var started = DateTime.UtcNow;
        using var call = client.ImportHouseholds(caller, DateTime.UtcNow.AddMinutes(5));
        await call.RequestStream.WriteAsync(new ImportHouseholdsRequest { Header = new ImportHeader { BatchId = $"{label}-{index}", Source = "event-latency-benchmark", Registered = chunk.Length } });
        await call.RequestStream.WriteAsync(new ImportHouseholdsRequest { Households = new ImportedHouseholds { Households = { chunk } } });
        await call.RequestStream.CompleteAsync();
        var result = await call.ResponseAsync;
        if (result.Imported != chunk.Length)
        {
            throw new InvalidOperationException($"Import call {index} wrote {result.Imported} of {chunk.Length}: {result.BadHouseholds.FirstOrDefault()}");
        }

        Calls[index] = new ImportCall(index, started, DateTime.UtcNow, chunk.Length);
    }
}
