using Microsoft.Data.Sqlite;

namespace Platform.Benchmarks.EventLatency;

/// <summary>
/// A replica's inbox rows of HouseholdRegistered, read from its SQLite file while it runs: a row is
/// written with the effects, and its ProcessedAt is taken just before the transaction commits.
/// </summary>
public static class ReplicaInbox
{
    private const string RegisteredConsumer = "%.HouseholdRegisteredConsumer";

    public static async Task<long> CountAsync(ServiceProcess replica)
    {
        await using var connection = Open(replica);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM InboxMessages WHERE Consumer LIKE $consumer";
        command.Parameters.AddWithValue("$consumer", RegisteredConsumer);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows waiting in a service's outbox.</summary>
    public static async Task<long> OutboxBacklogAsync(ServiceProcess service)
    {
        await using var connection = Open(service);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM OutboxMessages";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<Dictionary<Guid, DateTime>> ProcessedAtAsync(ServiceProcess replica)
    {
        await using var connection = Open(replica);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MessageId, ProcessedAt FROM InboxMessages WHERE Consumer LIKE $consumer";
        command.Parameters.AddWithValue("$consumer", RegisteredConsumer);
        var rows = new Dictionary<Guid, DateTime>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
        }

        return rows;
    }

    /// <summary>
    /// Waits until the replica holds <paramref name="count"/> registrations or the time runs out; answers
    /// when it got there (its last inbox commit, not when this poll saw it: replicas are waited for one
    /// after another), or null.
    /// </summary>
    public static async Task<DateTime?> WaitForAsync(ServiceProcess replica, long count, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (await CountAsync(replica) >= count)
            {
                return await LastProcessedAtAsync(replica);
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static async Task<DateTime> LastProcessedAtAsync(ServiceProcess replica)
    {
        await using var connection = Open(replica);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(ProcessedAt) FROM InboxMessages WHERE Consumer LIKE $consumer";
        command.Parameters.AddWithValue("$consumer", RegisteredConsumer);
        return DateTime.SpecifyKind(Convert.ToDateTime(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private static SqliteConnection Open(ServiceProcess replica)
    {
        var connection = new SqliteConnection($"Data Source={replica.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
