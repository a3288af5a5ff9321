using Microsoft.EntityFrameworkCore;

namespace Platform.Testing;

/// <summary>
/// The row count of every table a service's model maps: taken before and after a walk of
/// malformed requests, it shows that nothing was written (no record, no audit row, no event).
/// </summary>
public static class TableRows
{
    /// <summary>Bookkeeping the background workers write on their own schedule (a relay takes its lease when it first runs), not a call.</summary>
    private static readonly HashSet<string> Background = ["Leases"];

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(DbContext db)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetEntityTypes().Select(t => (t.GetSchema(), t.GetTableName())).Where(t => t.Item2 is not null && !Background.Contains(t.Item2)).Distinct())
            {
                var name = table.Item1 is { } schema ? $"\"{schema}\".\"{table.Item2}\"" : $"\"{table.Item2}\"";
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {name}";
                counts[name] = Convert.ToInt64(await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    /// <summary>The tables whose counts differ, as "table: before → after".</summary>
    public static string Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join("\n", after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value)
            .Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}"));
}
