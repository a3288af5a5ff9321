using Microsoft.Data.Sqlite;
using Pa.Registry.V1;

namespace Platform.Benchmarks.Read;

/// <summary>A household the benchmark may ask for: its id, its village, its sequence number and its status.</summary>
public sealed record SampledHousehold(string Id, string Village, long Seq, HouseholdStatus Status);

/// <summary>Random households of a registry database, read once before the server starts.</summary>
public sealed record DatabaseSample(long Total, SampledHousehold[] Households)
{
    private const int Size = 20_000;

    public static async Task<DatabaseSample> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Households\"";
        var total = (long)(await count.ExecuteScalarAsync())!;
        await using var sample = connection.CreateCommand();
        sample.CommandText = $"SELECT \"Id\", \"RegionCode\", \"Seq\", \"Status\" FROM \"Households\" ORDER BY random() LIMIT {Size}";
        var households = new List<SampledHousehold>(Size);
        await using var reader = await sample.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            households.Add(new SampledHousehold(reader.GetGuid(0).ToString(), reader.GetString(1), reader.GetInt64(2), (HouseholdStatus)reader.GetInt32(3)));
        }

        return new DatabaseSample(total, [.. households]);
    }

    public SampledHousehold Pick(Random random) => Households[random.Next(Households.Length)];
}
