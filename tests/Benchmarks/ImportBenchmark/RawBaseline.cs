using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging;

namespace Platform.Benchmarks.Import;

/// <summary>
/// The floor: the same generated households written as the same rows (households, members,
/// outbox events) with prepared Microsoft.Data.Sqlite commands, in transactions of the import's
/// chunk size, into a schema made by the registry's own migrations. Like the import it first asks
/// the active-member index which of a chunk's national-ID hashes are taken, makes its ids with the
/// service's generators (version 7 GUIDs, the outbox's NewId) and checkpoints the log as the import
/// does. No validation, no gRPC, and stand-ins of the stored shape instead of encryption and keyed
/// hashing.
/// </summary>
public static class RawBaseline
{
    private const int ChunkSize = 2_000;

    /// <summary>Hashes per duplicate probe, as the import's writer asks them.</summary>
    private const int ProbeSize = 500;

    /// <summary>The import's log between checkpoints (Platform.HouseholdRegistry.Import.ImportCheckpoints), in 4 KB pages.</summary>
    private const int CheckpointPages = 128 * 1024 * 1024 / 4096;

    /// <summary>The page cache the import's connection uses too (Platform.HouseholdRegistry.Import.HouseholdImporter).</summary>
    private const int ImportCacheKib = 65_536;

    /// <param name="committed">Called after each commit with the households written so far.</param>
    public static async Task<TimeSpan> RunAsync(string path, int households, Action<long> committed)
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
            pragmas.CommandText = $"PRAGMA cache_size = -{ImportCacheKib}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {CheckpointPages};";
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

        using var probe = Command(connection,
            $"SELECT \"NationalIdHash\" FROM \"Members\" WHERE \"IsActive\" AND \"NationalIdHash\" IN ({string.Join(", ", Enumerable.Range(0, ProbeSize).Select(i => $"$p{i}"))})",
            ProbeSize);

        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var position = 0;
        foreach (var chunk in HouseholdGenerator.Generate(households).Chunk(ChunkSize))
        {
            var hashes = chunk.Select(h => h.Application.Members.Select(m => StandInHash(m.NationalId)).ToList()).ToList();
            var taken = await TakenAsync(probe, hashes.SelectMany(h => h).ToList());
            using var transaction = connection.BeginTransaction();
            household.Transaction = member.Transaction = outbox.Transaction = transaction;
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!hashes[i].Any(taken.Contains))
                {
                    await WriteAsync(chunk[i], hashes[i], position, now, household, member, outbox);
                }

                position++;
            }

            transaction.Commit();
            committed(position);
        }

        await using (var checkpoint = connection.CreateCommand())
        {
            // The import leaves an empty log behind too.
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        return watch.Elapsed;
    }

    /// <summary>The duplicate check the import makes: which hashes an active member already holds, through the partial index.</summary>
    private static async Task<HashSet<string>> TakenAsync(SqliteCommand probe, List<string> hashes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in hashes.Chunk(ProbeSize))
        {
            Bind(probe, [.. group, .. new object?[ProbeSize - group.Length]]);
            await using var reader = await probe.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                taken.Add(reader.GetString(0));
            }
        }

        return taken;
    }

    private static async Task WriteAsync(ImportedHousehold input, List<string> hashes, int position, DateTime now, SqliteCommand household, SqliteCommand member, SqliteCommand outbox)
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
            Bind(member, memberId, seq, i, m.Name, StandInCipher(m.NationalId), hashes[i], (int)m.Relationship, (int)m.Sex,
                birth, (int)m.Health, m.DisabilityGrade, (int)m.LabourCapacity, (int)m.Schooling, true);
            await member.ExecuteNonQueryAsync();
            facts.Add(new MemberFacts(memberId, m.Relationship.ToString(), m.Sex.ToString(), birth, m.Health.ToString(), m.DisabilityGrade, m.LabourCapacity.ToString(), m.Schooling.ToString(), hashes[i]));
        }

        await OutboxAsync(outbox, new HouseholdRegistered(id, a.RegionCode, registeredAt, a.PrimaryCause.ToString(), a.Pathway.ToString(), a.PlannedExitYear, facts), id, now);
        if (exitedAt is { } exited)
        {
            await OutboxAsync(outbox, new HouseholdExited(id, a.RegionCode, exited, DateOnly.FromDateTime(exited).AddYears(5)), id, now);
        }
    }

    /// <summary>The service's own outbox row (its NewId message id, type name and JSON body), written by the prepared command.</summary>
    private static Task OutboxAsync<TEvent>(SqliteCommand outbox, TEvent message, Guid householdId, DateTime now)
        where TEvent : class
    {
        var row = Outbox.NewRow(message, householdId.ToString(), now);
        Bind(outbox, row.MessageId, row.MessageType, row.Body, row.AggregateKey, row.CreatedAt, row.TraceParent, 0, null, null);
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
