using Microsoft.Data.Sqlite;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.EventLatency;

/// <summary>
/// The generator's townships and villages, added to the registry's region table (the registry files
/// households only in villages it knows; regions come from its seed data, not from a call). Written
/// into the running registry's SQLite file, as the in-process benchmarks add them through its context.
/// </summary>
public static class RegistryRegions
{
    public static async Task AddAsync(ServiceProcess registry)
    {
        await using var connection = new SqliteConnection($"Data Source={registry.DatabasePath};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO Regions (Code, Level, Name, ParentCode, RuralPopulation) VALUES ($code, $level, $name, $parent, $population)";
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var level = command.Parameters.Add("$level", SqliteType.Integer);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var parent = command.Parameters.Add("$parent", SqliteType.Text);
        var population = command.Parameters.Add("$population", SqliteType.Integer);
        foreach (var region in HouseholdGenerator.Regions())
        {
            (code.Value, level.Value, name.Value) = (region.Code, (int)region.Level, region.Name);
            parent.Value = (object?)region.ParentCode ?? DBNull.Value;
            population.Value = (object?)region.RuralPopulation ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
