using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;
using Platform.HouseholdRegistry.Data;

namespace Platform.Benchmarks.ChangeFeed;

public sealed record LiveFigures(int Changes, int Received, double[] CommitToReceiptMs, double[] CallMs, TimeSpan Elapsed, int ArrivedBeforeReturn);

/// <summary>
/// Live changes at a steady rate through the registry's real write path: ChangeMembers adding a fresh
/// child to a registered household of the county, one household per call, while one WatchChanges of the
/// county's officer is open. Each change is timed from the moment its ChangeMembers call returned to
/// the client (the change committed before the answer was sent) to its arrival on the stream, both
/// read from the benchmark process's monotonic clock (<see cref="Stopwatch.GetTimestamp"/>); the
/// server runs in the same process on loopback, so the two ends share that clock.
/// </summary>
public static class LiveLatency
{
    private const int WarmupChanges = 20;

    public static async Task<LiveFigures> RunAsync(RegistryServer server, int changes, int rate, CancellationToken ct)
    {
        var targets = await RegisteredHouseholdsAsync(server, WarmupChanges + changes, ct);
        var households = new HouseholdService.HouseholdServiceClient(server.Channel);
        var headers = server.CountyOfficer();
        using var fresh = HouseholdGenerator.Fresh(0).GetEnumerator();

        var returned = new long[targets.Count];
        var arrived = new long[targets.Count];
        var callMs = new double[targets.Count];
        var index = targets.Select((id, i) => (id, i)).ToDictionary(p => p.id.ToString(), p => p.i);
        var received = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Follow from the head: only the changes this phase makes arrive.
        var head = await LogFill.NumberedAsync(server, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feed = new HouseholdChangeService.HouseholdChangeServiceClient(server.Channel);
        using var call = feed.WatchChanges(new WatchChangesRequest { AfterCursor = head.ToString(System.Globalization.CultureInfo.InvariantCulture) }, headers, DateTime.UtcNow.AddHours(1), cancel.Token);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancel.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    if (message.Change.Kind == HouseholdChangeKind.MembersChanged && index.TryGetValue(message.Change.HouseholdId, out var i) && arrived[i] == 0)
                    {
                        arrived[i] = now;
                        var count = Interlocked.Increment(ref received);
                        if (count == WarmupChanges)
                        {
                            warmedUp.TrySetResult();
                        }

                        if (count == targets.Count)
                        {
                            allArrived.TrySetResult();
                        }
                    }
                }
            }
            catch (Exception e) when (cancel.IsCancellationRequested && e is RpcException or OperationCanceledException)
            {
                // The phase ended and closed the stream.
            }
        }, CancellationToken.None);

        Task Change(int i)
        {
            var member = fresh.MoveNext() ? fresh.Current.Application.Members[^1] : throw new InvalidOperationException("No fresh people left.");
            member.Relationship = Relationship.Child;
            var request = new ChangeMembersRequest { HouseholdId = targets[i].ToString(), Add = { member } };
            return Timed(i, request);
        }

        async Task Timed(int i, ChangeMembersRequest request)
        {
            var sent = Stopwatch.GetTimestamp();
            await households.ChangeMembersAsync(request, headers, DateTime.UtcNow.AddSeconds(30), ct);
            returned[i] = Stopwatch.GetTimestamp();
            callMs[i] = Stopwatch.GetElapsedTime(sent, returned[i]).TotalMilliseconds;
        }

        // Unmeasured: proves the stream is open and delivering, and warms the write and read paths.
        for (var i = 0; i < WarmupChanges; i++)
        {
            await Change(i);
        }

        await warmedUp.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);

        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var calls = new List<Task>(changes);
        var watch = Stopwatch.StartNew();
        for (var n = 0; n < changes; n++)
        {
            var due = interval * n - watch.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            // Not awaited: a slow call must not delay the next one's schedule.
            calls.Add(Change(WarmupChanges + n));
        }

        await Task.WhenAll(calls);
        try
        {
            await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch (TimeoutException)
        {
            // Reported as changes not received.
        }

        var elapsed = watch.Elapsed;
        await cancel.CancelAsync();
        await reader;

        var latencies = new List<double>(changes);
        var early = 0;
        for (var i = WarmupChanges; i < targets.Count; i++)
        {
            if (arrived[i] != 0)
            {
                var ms = (arrived[i] - returned[i]) * 1000.0 / Stopwatch.Frequency;
                early += ms < 0 ? 1 : 0;
                latencies.Add(ms);
            }
        }

        return new LiveFigures(changes, latencies.Count, [.. latencies], callMs[WarmupChanges..], elapsed, early);
    }

    /// <summary>Registered (not exited) households of the generator's county, one for each change.</summary>
    private static async Task<List<Guid>> RegisteredHouseholdsAsync(RegistryServer server, int count, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var county = HouseholdGenerator.County[..6];
        var ids = await db.Households.AsNoTracking()
            .Where(h => h.Status == HouseholdStatus.Registered && h.RegionCode.StartsWith(county))
            .OrderBy(h => h.Seq).Select(h => h.Id).Take(count).ToListAsync(ct);
        return ids.Count == count
            ? ids
            : throw new InvalidOperationException($"{count:N0} live changes need as many registered households of {county}; the seed has {ids.Count:N0} (raise --households).");
    }
}
