using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Platform.LocalBroker;

namespace Platform.Benchmarks.Outbox;

/// <summary>
/// Outbox relay throughput as a ratio to a raw MassTransit publish of the same events, on a
/// private RabbitMQ node. Prints figures; exits non-zero only on errors such as lost events.
/// From the repository root:
/// <c>dotnet run -c Release --project tests/Benchmarks/OutboxBenchmark -- --events 20000 --runs 3</c>
/// <c>dotnet run -c Release --project tests/Benchmarks/OutboxBenchmark -- --events 20000 --runs 3 --database postgres --relays 2</c>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var workDir = Directory.CreateTempSubdirectory("pa-outbox-bench-");
        var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(workDir.FullName, "broker"), "outbox-bench"));
        try
        {
            await broker.StartAsync(TimeSpan.FromSeconds(60), cancel.Token);
            var database = await BenchDatabase.CreateAsync(options.Database, workDir.FullName);
            var hosts = Enumerable.Range(0, options.Relays).Select(i => BenchmarkHost.Build(broker.Node.ConnectionString, database, counts: i == 0)).ToList();
            try
            {
                await BenchmarkHost.CreateDatabaseAsync(hosts[0].Services, cancel.Token);
                foreach (var host in hosts)
                {
                    await host.StartAsync(cancel.Token);
                }

                return await new OutboxBenchmarkRunner([.. hosts.Select(h => h.Services)], options).RunAsync(cancel.Token) ? 0 : 1;
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.StopAsync(CancellationToken.None);
                    await ((IAsyncDisposable)host).DisposeAsync();
                }
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"benchmark failed: {ex}");
            return 1;
        }
        finally
        {
            await broker.StopAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                workDir.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"could not remove {workDir.FullName}: {ex.Message}");
            }
        }
    }
}
