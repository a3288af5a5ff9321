using Microsoft.Data.Sqlite;

namespace Platform.Benchmarks.Dividend;

/// <summary>
/// Writes the employment service's replica households, one operating project and every household's
/// shares in it directly (what registry events and SetShares calls would have built), 10,000 per transaction.
/// </summary>
public static class ShareholderSeeder
{
    public static Guid Write(string databasePath, IEnumerable<(Guid Id, string Region)> households, string projectVillage)
    {
        var project = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous=NORMAL;");
        Execute(connection, null, $"""
            INSERT INTO IndustryProjects (Id, VillageCode, Name, Type, Status, ApprovedBudgetFen, ProposedAt, ProposedBy, ProposedBudgetFen, ProgressPercent, DisbursedFen, StatusChangedAt)
            VALUES ('{Text(project)}', '{projectVillage}', 'benchmark photovoltaic station', 'Photovoltaic', 'Operating', 100000000, '{now:yyyy-MM-dd HH:mm:ss}', 'benchmark', 100000000, 100, 100000000, '{now:yyyy-MM-dd HH:mm:ss}')
            """);

        SqliteTransaction? transaction = null;
        SqliteCommand? household = null, share = null;
        var count = 0;
        foreach (var (id, region) in households)
        {
            if (count % 10_000 == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                household = Prepare(connection, transaction, "INSERT INTO Households (Id, RegionCode, Status, StatusAsOf, MembersAsOf) VALUES ($id, $region, 'Registered', $at, $at)");
                share = Prepare(connection, transaction, "INSERT INTO ProjectShares (ProjectId, HouseholdId, Shares, SetBy, SetAt) VALUES ($project, $id, $shares, 'benchmark', $at)");
            }

            household!.Parameters.Clear();
            household.Parameters.AddWithValue("$id", Text(id));
            household.Parameters.AddWithValue("$region", region);
            household.Parameters.AddWithValue("$at", now);
            household.ExecuteNonQuery();
            share!.Parameters.Clear();
            share.Parameters.AddWithValue("$project", Text(project));
            share.Parameters.AddWithValue("$id", Text(id));
            share.Parameters.AddWithValue("$shares", 1 + count % 10);
            share.Parameters.AddWithValue("$at", now);
            share.ExecuteNonQuery();
            count++;
        }

        transaction?.Commit();
        transaction?.Dispose();
        return project;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>How EF Core's SQLite provider stores a Guid.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
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
