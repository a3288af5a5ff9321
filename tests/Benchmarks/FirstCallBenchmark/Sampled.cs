using Microsoft.Data.Sqlite;

namespace Platform.Benchmarks.FirstCall;

/// <summary>What the calls need from the database, read before the service starts: one household, its village, the count.</summary>
public sealed record Sampled(int Total, string HouseholdId, string Village)
{
    public static async Task<Sampled> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM \"Households\"), \"Id\", \"RegionCode\" FROM \"Households\" ORDER BY \"Seq\" LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"{path} holds no household.");
        }

        return new Sampled(reader.GetInt32(0), reader.GetGuid(1).ToString(), reader.GetString(2));
    }
}
