using System.Diagnostics;
using Grpc.Core;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.ChangeFeed;

public sealed record CatchUpFigures(string Caller, long Changes, TimeSpan Elapsed, TimeSpan FirstChange, int Members, int MaskedIds)
{
    public double PerSecond => Changes / Elapsed.TotalSeconds;
}

/// <summary>
/// One subscriber's WatchChanges from the oldest change kept (no cursor) until it has received every
/// change of its region the log holds: as a department system that starts following the registry.
/// </summary>
public static class CatchUp
{
    public static async Task<CatchUpFigures> RunAsync(RegistryServer server, string caller, Metadata headers, long expected, CancellationToken ct)
    {
        var client = new HouseholdChangeService.HouseholdChangeServiceClient(server.Channel);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = Stopwatch.StartNew();
        using var call = client.WatchChanges(new WatchChangesRequest(), headers, DateTime.UtcNow.AddHours(1), cancel.Token);
        long received = 0, lastCursor = 0;
        int members = 0, masked = 0;
        var first = TimeSpan.Zero;
        while (received < expected && await call.ResponseStream.MoveNext(cancel.Token))
        {
            var change = call.ResponseStream.Current.Change;
            var cursor = long.Parse(change.Cursor, System.Globalization.CultureInfo.InvariantCulture);
            if (cursor <= lastCursor)
            {
                throw new InvalidOperationException($"Cursor {cursor} after {lastCursor}: the stream went back.");
            }

            lastCursor = cursor;
            if (received++ == 0)
            {
                first = watch.Elapsed;
            }

            var people = change.Registered?.Members ?? change.MembersChanged?.Members;
            if (people is not null)
            {
                members += people.Count;
                masked += people.Count(m => m.NationalId.Contains('*', StringComparison.Ordinal));
            }

            if (received % 100_000 == 0)
            {
                Console.WriteLine($"  {caller}: {received,12:N0} received  {watch.Elapsed.TotalSeconds,7:N1} s");
            }
        }

        var elapsed = watch.Elapsed;
        await cancel.CancelAsync();
        if (received < expected)
        {
            throw new InvalidOperationException($"The stream ended after {received:N0} of {expected:N0} changes.");
        }

        return new CatchUpFigures(caller, received, elapsed, first, members, masked);
    }
}
