using Microsoft.Data.Sqlite;
using Pa.Assistance.V1;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Assistance;

/// <summary>Phase 1: one department push over N replica households and the recomputation it causes, no broker.</summary>
public static class RecomputePhase
{
    public sealed record Result(int Households, TimeSpan Seeding, DepartmentPush.Totals Push, long OutboxRows, long PeakWorkingSetBytes)
    {
        /// <summary>Issue 13's target for the recompute after a push (it measured 1,591/s with one EF insert per row).</summary>
        public const double TargetPerSecond = 5_000;

        public void Print()
        {
            var seconds = Push.Elapsed.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine($"Recompute after a department push ({Households:N0} households, SQLite, no broker)");
            Console.WriteLine($"  replica seeded in        {Seeding.TotalSeconds,10:0.0} s (raw inserts, not measured below)");
            Console.WriteLine($"  push + recompute         {seconds,10:0.0} s");
            Console.WriteLine($"  rows/s                   {Push.Rows / seconds,10:N0}  (applied {Push.Applied:N0}, rejected {Push.Rejected:N0})");
            Console.WriteLine($"  households reassessed/s  {Push.Reassessed / seconds,10:N0}  (status changes {Push.StatusesChanged:N0}, outbox rows {OutboxRows:N0})");
            Console.WriteLine($"  target ≥ {TargetPerSecond:N0} households/s: {(Push.Reassessed / seconds >= TargetPerSecond ? "met" : "missed")}");
            Console.WriteLine($"  peak working set         {PeakWorkingSetBytes / 1024.0 / 1024.0,10:N0} MB (whole process: service and client)");
        }
    }

    public static async Task<Result> RunAsync<TProgram>(BenchmarkOptions options)
        where TProgram : class
    {
        var database = Path.Combine(options.WorkDirectory, $"assistance-{options.Households}.db");
        Delete(database);
        var (encryptionKey, lookupKey) = (DevSecrets.NewKey(), DevSecrets.NewKey());
        var authority = new TestAuthority();
        var settings = new Dictionary<string, string>
        {
            ["PersonalData:EncryptionKey"] = encryptionKey,
            ["PersonalData:LookupKey"] = lookupKey,
            ["ConnectionStrings:assistance-db"] = $"Data Source={database}",
            ["ConnectionStrings:broker"] = "amqp://guest:guest@127.0.0.1:1/",
        };

        Console.WriteLine($"Seeding the replica with {options.Households:N0} households…");
        await using var service = new KestrelService<TProgram>(authority, settings, withRelay: false);
        var protector = ReplicaSeeder.Protector(encryptionKey, lookupKey);
        var targets = new List<PushTarget>(options.Households);
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        ReplicaSeeder.Write(database, ReplicaSeeder.Generate(options.Households).Select(h =>
        {
            targets.Add(h.Target);
            return (h.Target.HouseholdId, h.Region, h.Members.Select(m => (m.Id, protector.LookupHash(m.NationalId), m.Relationship, m.Sex, m.Birth)).ToArray());
        }), DateTime.UtcNow.AddYears(-1));
        seeding.Stop();

        Console.WriteLine("Pushing water assessments…");
        DepartmentPush.Totals push;
        long peak;
        await using (var sampler = new MemorySampler())
        {
            push = await DepartmentPush.PushAsync(new WaterService.WaterServiceClient(service.Channel), DepartmentPush.WaterDepartment(authority),
                targets, options.Batch, $"bench-{DateTime.UtcNow:HHmmss}", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
            peak = sampler.PeakBytes;
        }

        return new Result(options.Households, seeding.Elapsed, push, Count(database, "SELECT COUNT(*) FROM OutboxMessages"), peak);
    }

    public static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, $"{database}-wal", $"{database}-shm" })
        {
            File.Delete(file);
        }
    }
}
