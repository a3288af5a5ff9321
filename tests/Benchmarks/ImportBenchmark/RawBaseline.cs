using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;

namespace Platform.Benchmarks.Import;

/// <summary>
/// The floor: the same generated households written as the same rows (households, members,
/// outbox events) with prepared Microsoft.Data.Sqlite commands, in transactions of the import's
/// chunk size, into a schema made by the registry's own migrations. No validation, no gRPC, and
/// stand-ins of the stored shape instead of encryption and keyed hashing.
/// </summary>
public static class RawBaseline
{
    private const int ChunkSize = 2_000;

    /// <summary>The page cache the import's connection uses too (Platform.HouseholdRegistry.Import.HouseholdImporter).</summary>
    private const int ImportCacheKib = 65_536;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<TimeSpan> RunAsync(string path, int households)
    {
        var connectionString = $"Data Source={path}";
        await using (var schema = new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite(connectionString).Options))
        {
            await schema.Database.MigrateAsync();
            await schema.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            // The registry's connections commit with synchronous=NORMAL too (Platform.Persistence.SqliteConnectionPragmas).
            pragmas.CommandText = $"PRAGMA cache_size = -{ImportCacheKib}; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync();
        }

        using var household = Command(connection,
            "INSERT INTO \"Households\" (\"Id\", \"RegionCode\", \"Address\", \"Status\", \"PrimaryCause\", \"OtherCauses\", \"DeclaredIncomePerCapitaFen\", \"AppliedAt\", \"AppliedBy\", \"RegisteredAt\", \"ExitedAt\", \"SupportUntil\", \"PlannedExitYear\", \"Pathway\", \"MonitoringCategory\", \"IncomePerCapitaAtRegistrationFen\", \"CurrentIncomePerCapitaFen\", \"CurrentIncomeYear\", \"HelperId\", \"FactsJson\", \"PreExitMarkedYear\", \"Version\", \"ImportBatchId\", \"ImportPosition\") VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23) RETURNING \"Seq\"",
            24);
        using var member = Command(connection,
            "INSERT INTO \"Members\" (\"Id\", \"HouseholdSeq\", \"Position\", \"Name\", \"NationalIdCipher\", \"NationalIdHash\", \"Relationship\", \"Sex\", \"BirthDate\", \"Health\", \"DisabilityGrade\", \"LabourCapacity\", \"Schooling\", \"IsActive\") VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13)",
            14);
        using var outbox = Command(connection,
            "INSERT INTO \"OutboxMessages\" (\"MessageId\", \"MessageType\", \"Body\", \"AggregateKey\", \"CreatedAt\", \"TraceParent\", \"Attempts\", \"NextAttemptAt\", \"LastError\") VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)",
            9);

        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        SqliteTransaction? transaction = null;
        var position = 0;
        foreach (var input in HouseholdGenerator.Generate(households))
        {
            if (position % ChunkSize == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                household.Transaction = member.Transaction = outbox.Transaction = transaction;
            }

            await WriteAsync(input, position++, now, household, member, outbox);
        }

        transaction?.Commit();
        transaction?.Dispose();
        return watch.Elapsed;
    }

    private static async Task WriteAsync(ImportedHousehold input, int position, DateTime now, SqliteCommand household, SqliteCommand member, SqliteCommand outbox)
    {
        var a = input.Application;
        var id = Guid.CreateVersion7();
        var registeredAt = input.RegisteredAt.ToDateTime();
        DateTime? exitedAt = input.ExitedAt?.ToDateTime();
        Bind(household, id, a.RegionCode, a.Address, (int)input.Status, (int)a.PrimaryCause, string.Join(',', a.OtherCauses.Select(c => (int)c)),
            a.DeclaredIncomePerCapita.Fen, registeredAt, "benchmark", registeredAt, exitedAt, exitedAt is { } e ? DateOnly.FromDateTime(e).AddYears(5) : null,
            a.PlannedExitYear, (int)a.Pathway, 1, input.IncomePerCapitaAtRegistration.Fen, input.CurrentIncomePerCapita.Fen, input.CurrentIncomeYear,
            null, a.Facts is null ? "{}" : Google.Protobuf.JsonFormatter.Default.Format(a.Facts), null, 0, "baseline", position);
        var seq = (long)(await household.ExecuteScalarAsync())!;

        var facts = new List<MemberFacts>(a.Members.Count);
        for (var i = 0; i < a.Members.Count; i++)
        {
            var m = a.Members[i];
            var memberId = Guid.CreateVersion7();
            var birth = new DateOnly(m.BirthDate.Year, m.BirthDate.Month, m.BirthDate.Day);
            Bind(member, memberId, seq, i, m.Name, StandInCipher(m.NationalId), StandInHash(m.NationalId), (int)m.Relationship, (int)m.Sex,
                birth, (int)m.Health, m.DisabilityGrade, (int)m.LabourCapacity, (int)m.Schooling, true);
            await member.ExecuteNonQueryAsync();
            facts.Add(new MemberFacts(memberId, m.Relationship.ToString(), m.Sex.ToString(), birth, m.Health.ToString(), m.DisabilityGrade, m.LabourCapacity.ToString(), m.Schooling.ToString(), StandInHash(m.NationalId)));
        }

        await OutboxAsync(outbox, new HouseholdRegistered(id, a.RegionCode, registeredAt, a.PrimaryCause.ToString(), a.Pathway.ToString(), a.PlannedExitYear, facts), id, now);
        if (exitedAt is { } exited)
        {
            await OutboxAsync(outbox, new HouseholdExited(id, a.RegionCode, exited, DateOnly.FromDateTime(exited).AddYears(5)), id, now);
        }
    }

    private static Task OutboxAsync<TEvent>(SqliteCommand outbox, TEvent message, Guid householdId, DateTime now)
    {
        Bind(outbox, Guid.NewGuid(), $"{typeof(TEvent).FullName}, {typeof(TEvent).Assembly.GetName().Name}", JsonSerializer.Serialize(message, Json),
            householdId.ToString(), now, null, 0, null, null);
        return outbox.ExecuteNonQueryAsync();
    }

    /// <summary>Same length as the stored AES-GCM text (nonce, tag, 18 bytes, base64) without the encryption.</summary>
    private static string StandInCipher(string nationalId) => Convert.ToBase64String(new byte[28].Concat(Encoding.UTF8.GetBytes(nationalId)).ToArray());

    /// <summary>64 hex characters spread like the keyed hash, so the unique index takes inserts as scattered as the import's.</summary>
    private static string StandInHash(string nationalId) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(nationalId)));

    private static SqliteCommand Command(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        }
    }
}
