extern alias assistance;
extern alias registry;

using Platform.Benchmarks.Assistance;

// Guarantee recomputation after a department bulk push, then the same push end to end.
//
//   dotnet run -c Release --project tests/Benchmarks/AssistanceBenchmark -- [--households 1000000] [--batch 100000]
//       [--registry-database .bench/registry-100k.db] [--work .bench/assistance]
//
// Phase 1: the assistance service (Kestrel, loopback h2c, SQLite, no broker) holds a replica of N
// households; the water department pushes one assessment per household (all four dimensions met)
// through ImportWaterAssessments in batches. Prints rows/s, households reassessed/s, status events
// written, and the process's peak working set during the push.
// Phase 2 (with --registry-database, a file the ImportBenchmark built): a private RabbitMQ node, the
// registry on a copy of that database and the assistance service with a replica of its registered
// households, both with their outbox relays and consumers; the same push for every registered
// household, and the time until the registry has received every new status through the broker.
// BENCH_LOG_SQL=1 logs every SQL command the services run, with its duration (to find where time goes).
var options = BenchmarkOptions.Parse(args);
Directory.CreateDirectory(options.WorkDirectory);

var recompute = await RecomputePhase.RunAsync<assistance::Program>(options);
recompute.Print();

if (options.RegistryDatabase is not null)
{
    var endToEnd = await EndToEndPhase.RunAsync<assistance::Program, registry::Program>(options);
    endToEnd.Print();
}
