using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pa.Assistance.V1;
using Platform.LocalBroker;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Assistance;

/// <summary>
/// Phase 2: the registry and the assistance service on a real broker. The water department pushes
/// an assessment for every registered household; the clock runs until the registry holds a guarantee
/// status received after the push started for each of them.
/// </summary>
public static class EndToEndPhase
{
    public sealed record Result(int Households, DepartmentPush.Totals Push, TimeSpan PushToRegistry, int Received)
    {
        public void Print()
        {
            Console.WriteLine();
            Console.WriteLine($"Push to registry through RabbitMQ ({Households:N0} registered households of the registry database)");
            Console.WriteLine($"  push + recompute         {Push.Elapsed.TotalSeconds,10:0.0} s  ({Push.Rows / Push.Elapsed.TotalSeconds:N0} rows/s, status changes {Push.StatusesChanged:N0})");
            Console.WriteLine($"  push start → registry    {PushToRegistry.TotalSeconds,10:0.0} s  for {Received:N0}/{Households:N0} statuses ({Received / PushToRegistry.TotalSeconds:N0} statuses/s end to end)");
        }
    }

    private sealed record Keys(string EncryptionKey, string LookupKey);

    public static async Task<Result> RunAsync<TAssistance, TRegistry>(BenchmarkOptions options)
        where TAssistance : class
        where TRegistry : class
    {
        var keys = JsonSerializer.Deserialize<Keys>(File.ReadAllText(options.RegistryDatabase + ".keys.json"))!;
        var registryCopy = Path.Combine(options.WorkDirectory, "registry-copy.db");
        var assistanceDb = Path.Combine(options.WorkDirectory, "assistance-e2e.db");
        RecomputePhase.Delete(registryCopy);
        RecomputePhase.Delete(assistanceDb);
        File.Copy(options.RegistryDatabase!, registryCopy);
        var (households, targets) = ReadRegistry(registryCopy, ReplicaSeeder.Protector(keys.EncryptionKey, keys.LookupKey));
        Console.WriteLine($"Registry copy: {targets.Count:N0} registered households. Starting RabbitMQ…");

        await using var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(options.WorkDirectory, "broker"), "assistance-bench"));
        await broker.StartAsync(TimeSpan.FromSeconds(60));
        var authority = new TestAuthority();
        Dictionary<string, string> Settings(string name, string path) => new()
        {
            ["PersonalData:EncryptionKey"] = keys.EncryptionKey,
            ["PersonalData:LookupKey"] = keys.LookupKey,
            [$"ConnectionStrings:{name}"] = $"Data Source={path}",
            ["ConnectionStrings:broker"] = broker.Node.ConnectionString,
        };

        await using var registry = new KestrelService<TRegistry>(authority, Settings("registry-db", registryCopy), withRelay: true);
        await using var assistance = new KestrelService<TAssistance>(authority, Settings("assistance-db", assistanceDb), withRelay: true);
        ReplicaSeeder.Write(assistanceDb, households, DateTime.UtcNow.AddYears(-1));
        // Both buses bind their queues as they start; give them a moment before the first publish.
        await Task.Delay(TimeSpan.FromSeconds(5));

        Console.WriteLine("Pushing water assessments…");
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var push = await DepartmentPush.PushAsync(new WaterService.WaterServiceClient(assistance.Channel), DepartmentPush.WaterDepartment(authority),
            targets, options.Batch, $"bench-e2e-{started:HHmmss}", DateOnly.FromDateTime(started).AddDays(-1));

        var received = 0;
        var deadline = TimeSpan.FromMinutes(60);
        while (clock.Elapsed < deadline)
        {
            received = (int)Count(registryCopy, "SELECT COUNT(*) FROM GuaranteeSnapshots WHERE ReceivedAt >= $t0", started);
            if (received >= targets.Count)
            {
                break;
            }

            Console.WriteLine($"  registry has {received:N0}/{targets.Count:N0} statuses after {clock.Elapsed.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromSeconds(received == 0 ? 1 : 5));
        }

        return new Result(targets.Count, push, clock.Elapsed, received);
    }

    /// <summary>Registered households with their active members (keyed hashes as the registry holds them) and each head's national ID.</summary>
    private static (List<(Guid, string, (Guid, string, string, string, DateOnly)[])> Households, List<PushTarget> Targets) ReadRegistry(string path, PersonalDataProtector protector)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var clear = connection.CreateCommand())
        {
            // Events the import left unsent would otherwise flood the broker ahead of the measured ones.
            clear.CommandText = "DELETE FROM OutboxMessages;";
            clear.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT h.Id, h.RegionCode, m.Id, m.NationalIdHash, m.NationalIdCipher, m.Relationship, m.Sex, m.BirthDate, m.Position
            FROM Households h JOIN Members m ON m.HouseholdSeq = h.Seq
            WHERE h.Status = 2 AND m.IsActive = 1
            ORDER BY h.Seq, m.Position
            """;
        var households = new List<(Guid, string, (Guid, string, string, string, DateOnly)[])>();
        var targets = new List<PushTarget>();
        using var reader = command.ExecuteReader();
        Guid? current = null;
        string region = "";
        var members = new List<(Guid, string, string, string, DateOnly)>();
        while (reader.Read())
        {
            var id = Guid.Parse(reader.GetString(0));
            if (id != current)
            {
                if (current is { } done)
                {
                    households.Add((done, region, members.ToArray()));
                }

                (current, region) = (id, reader.GetString(1));
                members.Clear();
                targets.Add(new PushTarget(id, protector.Decrypt(reader.GetString(4))));
            }

            members.Add((Guid.Parse(reader.GetString(2)), reader.GetString(3), ((Pa.Registry.V1.Relationship)reader.GetInt32(5)).ToString(),
                ((Pa.Registry.V1.Sex)reader.GetInt32(6)).ToString(), DateOnly.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (current is { } last)
        {
            households.Add((last, region, members.ToArray()));
        }

        return (households, targets);
    }

    private static long Count(string database, string sql, DateTime since)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$t0", since);
        return (long)command.ExecuteScalar()!;
    }
}
