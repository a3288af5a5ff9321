using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging.ChangeFeed;
using Platform.Operations;
using Platform.Security;

namespace Platform.Benchmarks.ChangeFeed;

public sealed record ProfileLine(string Name, long Changes, TimeSpan Elapsed)
{
    public double PerSecond => Changes / Elapsed.TotalSeconds;
}

/// <summary>
/// Where a replay's time goes, over the log's first changes as the provincial officer: the log's page
/// query alone (<see cref="ChangeLogReader.ReadAsync"/> in pages of the stream's size, no mapping, no
/// gRPC), then ListChanges in pages of the same size (read, audit, mapping to messages, one unary
/// answer per page). What WatchChanges adds beyond ListChanges is its one write per change.
/// </summary>
public static class FeedProfile
{
    public static async Task<ProfileLine[]> RunAsync(RegistryServer server, long limit, CancellationToken ct)
    {
        var province = RegionCode.Parse(HouseholdGenerator.Province);
        var reader = Stopwatch.StartNew();
        long read = 0, after = 0;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            while (read < limit)
            {
                var page = await ChangeLogReader.ReadAsync(db, province, after, [], ChangeFeedCalls.StreamBatch, ct);
                read += page.Changes.Count;
                after = page.NextCursor;
                if (page.CaughtUp)
                {
                    break;
                }
            }
        }

        var readerTime = reader.Elapsed;

        var client = new HouseholdChangeService.HouseholdChangeServiceClient(server.Channel);
        var headers = server.ProvincialOfficer();
        var listed = 0L;
        var cursor = "";
        var list = Stopwatch.StartNew();
        while (listed < limit)
        {
            var page = await client.ListChangesAsync(new ListChangesRequest { AfterCursor = cursor, PageSize = ChangeFeedCalls.StreamBatch }, headers, DateTime.UtcNow.AddMinutes(1), ct);
            listed += page.Changes.Count;
            cursor = page.NextCursor;
            if (page.CaughtUp)
            {
                break;
            }
        }

        return
        [
            new ProfileLine($"ChangeLogReader.ReadAsync alone, pages of {ChangeFeedCalls.StreamBatch}", read, readerTime),
            new ProfileLine($"ListChanges over gRPC, pages of {ChangeFeedCalls.StreamBatch}", listed, list.Elapsed),
        ];
    }
}
