using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Pa.Registry.V1;

namespace Platform.Benchmarks.Registry;

/// <summary>One import call: the generated households streamed to the server as a provincial migration.</summary>
public static class ImportRun
{
    /// <summary>About 150 KB a message: few enough messages that per-message costs vanish, far below the 4 MB limit.</summary>
    public const int HouseholdsPerMessage = 250;

    /// <summary>Imports the first <paramref name="households"/> generated households as <paramref name="caller"/>; their villages must exist.</summary>
    public static async Task<(ImportHouseholdsResponse Result, TimeSpan Elapsed)> RunAsync(GrpcChannel channel, Metadata caller, int households, CancellationToken cancellationToken)
    {
        var client = new HouseholdImportService.HouseholdImportServiceClient(channel);
        var watch = Stopwatch.StartNew();
        using var call = client.ImportHouseholds(caller, DateTime.UtcNow.AddHours(2), cancellationToken);
        await call.RequestStream.WriteAsync(new ImportHouseholdsRequest
        {
            Header = new ImportHeader { BatchId = $"benchmark-{households}", Source = "national-system", Registered = households },
        }, cancellationToken);
        foreach (var page in HouseholdGenerator.Generate(households).Chunk(HouseholdsPerMessage))
        {
            await call.RequestStream.WriteAsync(new ImportHouseholdsRequest { Households = new ImportedHouseholds { Households = { page } } }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var result = await call.ResponseAsync;
        return (result, watch.Elapsed);
    }
}
