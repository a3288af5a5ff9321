using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Testing;

/// <summary>A query a service ran, with its parameter values, to be planned again afterwards.</summary>
public sealed record CapturedQuery(string Sql, IReadOnlyList<(string Name, object? Value, DbType Type, object? Clone)> Parameters);

/// <summary>
/// Records every query a service's contexts run (added to the service as an interceptor), so that a
/// test can ask the database afterwards how it plans each one.
/// </summary>
public sealed class QueryCapture : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, CapturedQuery> _queries = new();

    /// <summary>Each distinct query text once, with the parameters of its first run.</summary>
    public IReadOnlyCollection<CapturedQuery> Queries => [.. _queries.Values];

    public void Clear() => _queries.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Capture(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Set-based UPDATE and DELETE statements (ExecuteUpdate, ExecuteDelete) find their rows like a query does.
        Capture(command);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbCommand command)
    {
        var sql = command.CommandText.TrimStart();
        if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            && !sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            && !sql.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (sql.TrimEnd().TrimEnd(';').Contains(';', StringComparison.Ordinal))
        {
            // A batch of SaveChanges statements (each by key); EXPLAIN takes one statement.
            return;
        }

        _queries.TryAdd(sql, new CapturedQuery(sql, [.. command.Parameters.Cast<DbParameter>()
            .Select(p => (p.ParameterName, p.Value, p.DbType, p is ICloneable c ? c.Clone() : null))]));
    }
}

/// <summary>
/// Asks the database how it plans each captured query and names those that read a growing table
/// whole: SQLite's EXPLAIN QUERY PLAN "SCAN t" (also through an index: a full index walk is still a
/// walk over every row), PostgreSQL's "Seq Scan", or an index scan with no index condition, planned
/// with sequential scans disabled so that tiny test tables do not hide a missing index.
/// </summary>
public static partial class QueryPlans
{
    /// <summary>One query whose plan reads a growing table whole.</summary>
    public sealed record Scan(string Table, string Plan, string Sql)
    {
        public override string ToString() => $"{Table}: {Plan}\n    {Sql.ReplaceLineEndings(" ")}";
    }

    /// <summary>
    /// Tables every service has whose size does not grow with the households: the migrations applied,
    /// and one lease per background job that takes turns between replicas.
    /// </summary>
    public static readonly IReadOnlySet<string> PlatformBounded = new HashSet<string> { "__EFMigrationsHistory", "Leases" };

    /// <summary>
    /// Fails when fewer than <paramref name="atLeast"/> distinct queries were captured (the guard would
    /// prove little) or when any captured query reads a growing table whole: one neither in
    /// <see cref="PlatformBounded"/> nor among the service's own <paramref name="alsoBounded"/>.
    /// </summary>
    public static async Task AssertNoScansAsync(TestDatabase database, QueryCapture capture, int atLeast, params string[] alsoBounded)
    {
        var bounded = PlatformBounded.Concat(alsoBounded).ToHashSet();
        var queries = capture.Queries;
        Assert.True(queries.Count >= atLeast, $"Only {queries.Count} queries were captured: the guard would prove little.");
        await using var connection = database.NewConnection();
        var scans = await ScansAsync(connection, queries, bounded);
        Assert.True(scans.Count == 0, $"{scans.Count} planned reads of a whole growing table:\n{string.Join("\n", scans)}");
    }

    /// <summary>The queries among <paramref name="queries"/> that scan one of the tables not in <paramref name="bounded"/>.</summary>
    public static async Task<List<Scan>> ScansAsync(DbConnection connection, IEnumerable<CapturedQuery> queries, IReadOnlySet<string> bounded)
    {
        var postgres = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        if (postgres)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off; SET enable_bitmapscan = on;";
            await off.ExecuteNonQueryAsync();
        }

        var tables = await TablesAsync(connection, postgres);
        var scans = new List<Scan>();
        foreach (var query in queries.Where(q => !ConstantlyFalse().IsMatch(q.Sql)))
        {
            var aliases = Aliases(query.Sql);
            await using var explain = connection.CreateCommand();
            explain.CommandText = (postgres ? "EXPLAIN (FORMAT JSON) " : "EXPLAIN QUERY PLAN ") + query.Sql;
            foreach (var (name, value, type, clone) in query.Parameters)
            {
                if (clone is DbParameter copy)
                {
                    explain.Parameters.Add(copy);
                    continue;
                }

                var parameter = explain.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                parameter.DbType = type;
                explain.Parameters.Add(parameter);
            }

            if (postgres)
            {
                var json = (string)(await explain.ExecuteScalarAsync())!;
                using var plan = JsonDocument.Parse(json);
                foreach (var node in Nodes(plan.RootElement[0].GetProperty("Plan")))
                {
                    if (FullRead(node) is { } table && !bounded.Contains(table))
                    {
                        scans.Add(new Scan(table, Describe(node), query.Sql));
                    }
                }
            }
            else
            {
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var detail = reader.GetString(3);
                    if (SqliteScan().Match(detail) is { Success: true } scan)
                    {
                        // A derived table (a LIMITed subquery, "SCAN s") or a constant row is not a stored table.
                        var table = aliases.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value);
                        if (tables.Contains(table) && !bounded.Contains(table))
                        {
                            scans.Add(new Scan(table, detail, query.Sql));
                        }
                    }
                }
            }
        }

        return scans;
    }

    private static async Task<HashSet<string>> TablesAsync(DbConnection connection, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>The table a PostgreSQL plan node reads whole, or null.</summary>
    /// <summary>
    /// Partial indexes that hold only rows waiting for a background job, which empties them within a
    /// poll: reading one whole reads the backlog, not the table. The change sequencer's queue of
    /// committed changes without a cursor (IX_ChangeRecords_Unsequenced, "Sequence" IS NULL).
    /// </summary>
    public static readonly IReadOnlySet<string> QueueIndexes = new HashSet<string> { "IX_ChangeRecords_Unsequenced" };

    private static string? FullRead(JsonElement node)
    {
        var type = node.GetProperty("Node Type").GetString();
        var relation = node.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
        var index = node.TryGetProperty("Index Name", out var i) ? i.GetString() : null;
        return type switch
        {
            "Seq Scan" => relation,
            "Index Scan" or "Index Only Scan" when !node.TryGetProperty("Index Cond", out _) && !QueueIndexes.Contains(index ?? "") => relation,
            _ => null,
        };
    }

    private static string Describe(JsonElement node) =>
        $"{node.GetProperty("Node Type").GetString()} on {node.GetProperty("Relation Name").GetString()}"
        + (node.TryGetProperty("Index Name", out var index) ? $" using {index.GetString()}" : "")
        + (node.TryGetProperty("Filter", out var filter) ? $" filter {filter.GetString()}" : "");

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    /// <summary>Table of each alias in the SQL EF writes (<c>FROM "Members" AS "m"</c>).</summary>
    private static Dictionary<string, string> Aliases(string sql)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Alias().Matches(sql))
        {
            aliases.TryAdd(match.Groups[2].Value, match.Groups[1].Value);
        }

        return aliases;
    }

    /// <summary>EF's translation of Contains over an empty list: the database answers without reading a row.</summary>
    [GeneratedRegex("WHERE 0(\\s|$)")]
    private static partial Regex ConstantlyFalse();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex SqliteScan();

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex Alias();
}
