extern alias employment;
extern alias registry;

using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.Benchmarks.Assistance;
using Platform.Benchmarks.Dividend;
using Platform.LocalBroker;
using Platform.Security;
using Platform.Testing;

// A dividend run (资产收益) over many shareholding households, then the same run end to end.
//
//   dotnet run -c Release --project tests/Benchmarks/DividendBenchmark -- [--households 1000000]
//       [--registry-database .bench/registry-100k.db] [--work .bench/dividend]
//
// Phase 1: the employment service (Kestrel, loopback h2c, SQLite, no broker) with N replica households
// holding 1–10 shares each in one operating project; one RunDividend call splits an amount over all of
// them in chunks, each chunk's payments and DividendPaid events in one transaction. Prints payments/s
// and the process's peak working set. Phase 2 (with --registry-database from the ImportBenchmark): a
// private RabbitMQ node, the registry on a copy of that database and the employment service with its
// registered households as shareholders, both with outbox relays and consumers; the same run, timed
// until the registry has recorded every dividend as household income.
string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
var households = int.Parse(Value("households") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
var registryDatabase = Value("registry-database") is { } r ? Path.GetFullPath(r) : null;
var work = Path.GetFullPath(Value("work") ?? ".bench/dividend");
Directory.CreateDirectory(work);
var authority = new TestAuthority();

// Phase 1.
{
    var database = Path.Combine(work, $"employment-{households}.db");
    ShareholderSeeder.Delete(database);
    await using var service = new KestrelService<employment::Program>(authority, Settings("employment-db", database, "amqp://guest:guest@127.0.0.1:1/", DevSecrets.NewKey(), DevSecrets.NewKey()), withRelay: false);
    Console.WriteLine($"Seeding {households:N0} shareholding households…");
    var project = ShareholderSeeder.Write(database,
        Enumerable.Range(0, households).Select(i => (new Guid($"00000000-0000-7000-8000-{i:x12}"), $"341522{100 + i % 20:000}{201 + i / 20 % 15:000}")), "341522100201");
    Console.WriteLine("Running the dividend…");
    var (elapsed, paid, peak) = await RunAsync(service.Channel, project, households * 100L);
    Console.WriteLine();
    Console.WriteLine($"Dividend run over {households:N0} shareholding households (SQLite, no broker)");
    Console.WriteLine($"  run                      {elapsed.TotalSeconds,10:0.0} s");
    Console.WriteLine($"  payments/s               {paid / elapsed.TotalSeconds,10:N0}  (payments {paid:N0}, outbox rows {ShareholderSeeder.Count(database, "SELECT COUNT(*) FROM OutboxMessages"):N0})");
    Console.WriteLine($"  peak working set         {peak / 1024.0 / 1024.0,10:N0} MB (whole process: service and client)");
}

// Phase 2.
if (registryDatabase is not null)
{
    var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(registryDatabase + ".keys.json"))!;
    var registryCopy = Path.Combine(work, "registry-copy.db");
    var employmentDb = Path.Combine(work, "employment-e2e.db");
    ShareholderSeeder.Delete(registryCopy);
    ShareholderSeeder.Delete(employmentDb);
    File.Copy(registryDatabase, registryCopy);
    var registered = new List<(Guid, string)>();
    using (var connection = new SqliteConnection($"Data Source={registryCopy}"))
    {
        connection.Open();
        using var clear = connection.CreateCommand();
        clear.CommandText = "DELETE FROM OutboxMessages;"; // events the import left unsent would run ahead of the measured ones
        clear.ExecuteNonQuery();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Id, RegionCode FROM Households WHERE Status = 2";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            registered.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }
    }

    Console.WriteLine($"Registry copy: {registered.Count:N0} registered households. Starting RabbitMQ…");
    await using var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(work, "broker"), "dividend-bench"));
    await broker.StartAsync(TimeSpan.FromSeconds(60));
    await using var registryService = new KestrelService<registry::Program>(authority, Settings("registry-db", registryCopy, broker.Node.ConnectionString, keys["EncryptionKey"], keys["LookupKey"]), withRelay: true);
    await using var employmentService = new KestrelService<employment::Program>(authority, Settings("employment-db", employmentDb, broker.Node.ConnectionString, keys["EncryptionKey"], keys["LookupKey"]), withRelay: true);
    var county = registered[0].Item2[..6];
    var project = ShareholderSeeder.Write(employmentDb, registered.Where(h => h.Item2.StartsWith(county, StringComparison.Ordinal)), registered[0].Item2);
    await Task.Delay(TimeSpan.FromSeconds(5)); // both buses bind their queues as they start

    var clock = Stopwatch.StartNew();
    var (runTime, paid, _) = await RunAsync(employmentService.Channel, project, registered.Count * 100L, county + "000000");
    long applied = 0;
    while (clock.Elapsed < TimeSpan.FromMinutes(60))
    {
        applied = ShareholderSeeder.Count(registryCopy, "SELECT COUNT(*) FROM IncomeEntries WHERE Source = 'dividend'");
        if (applied >= paid)
        {
            break;
        }

        Console.WriteLine($"  registry has {applied:N0}/{paid:N0} dividends after {clock.Elapsed.TotalSeconds:0} s");
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    Console.WriteLine();
    Console.WriteLine($"Dividend run to registry through RabbitMQ ({paid:N0} shareholding registered households)");
    Console.WriteLine($"  run                      {runTime.TotalSeconds,10:0.0} s  ({paid / runTime.TotalSeconds:N0} payments/s)");
    Console.WriteLine($"  run start → registry     {clock.Elapsed.TotalSeconds,10:0.0} s  for {applied:N0}/{paid:N0} dividends ({applied / clock.Elapsed.TotalSeconds:N0} income events/s end to end)");
}

Dictionary<string, string> Settings(string name, string path, string brokerAddress, string encryptionKey, string lookupKey) => new()
{
    ["PersonalData:EncryptionKey"] = encryptionKey,
    ["PersonalData:LookupKey"] = lookupKey,
    [$"ConnectionStrings:{name}"] = $"Data Source={path}",
    ["ConnectionStrings:broker"] = brokerAddress,

    // One call runs the whole distribution here; with the default 30 s cap a client would call again and the run would resume.
    ["Grpc:MaxCallDuration"] = "02:00:00",
};

async Task<(TimeSpan Elapsed, long Paid, long PeakBytes)> RunAsync(Grpc.Net.Client.GrpcChannel channel, Guid project, long amountFen, string county = "341522000000")
{
    var token = authority.Issue(PlatformRoles.CountyOfficer, county, "benchmark", lifetime: TimeSpan.FromHours(4));
    var headers = new Metadata { { "authorization", $"Bearer {token}" } };
    var client = new AssetIncomeService.AssetIncomeServiceClient(channel);
    var request = new RunDividendRequest { ProjectId = project.ToString(), RunKey = $"bench-{DateTime.UtcNow:HHmmss}", Year = DateTime.UtcNow.Year, Amount = new Money { Fen = amountFen } };
    await using var sampler = new MemorySampler();
    var watch = Stopwatch.StartNew();
    var response = await client.RunDividendAsync(request, headers, DateTime.UtcNow.AddHours(2));
    watch.Stop();
    return (watch.Elapsed, response.Run.PaidHouseholds, sampler.PeakBytes);
}
