using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Persistence;

/// <summary>
/// Writes many rows of one entity with multi-row INSERT commands on the context's connection and
/// transaction, optionally as an upsert on the primary key. Table, columns (complex properties
/// included), quoting, value converters and parameter types come from the EF model, so the rows
/// are what EF itself would write; EF's SaveChanges sends one command per row on SQLite, which is
/// what made bulk recomputes slow. SQLite and PostgreSQL only (both speak INSERT … ON CONFLICT);
/// callers keep an EF path for SQL Server (see <see cref="Supports"/>).
/// </summary>
public sealed class BulkRows<T>
    where T : class
{
    // Microsoft.Data.Sqlite matches each parameter by name in a list (quadratic in the count), so
    // SQLite gets short commands; PostgreSQL saves round trips with long ones (limit 65,535 parameters).
    private const int SqliteParameters = 500;
    private const int PostgresParameters = 10_000;

    private readonly DbContext _db;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly Func<T, object?>[] _reads;
    private readonly string _insert;
    private readonly string _conflict;
    private readonly int _rowsPerCommand;
    private readonly ISqlGenerationHelper _sql;

    /// <param name="upsert">On a primary-key conflict, replace every column of the held row.</param>
    /// <param name="skip">Properties to leave out, e.g. a store-generated key.</param>
    public BulkRows(DbContext db, bool upsert, params string[] skip)
    {
        if (!Supports(db))
        {
            throw new NotSupportedException($"Bulk rows need SQLite or PostgreSQL, not {db.Database.ProviderName}.");
        }

        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Columns(entity).Where(c => !skip.Contains(c.Property.Name)).ToList();
        _mappings = [.. columns.Select(c => (RelationalTypeMapping)c.Property.GetRelationalTypeMapping())];
        _reads = [.. columns.Select(c => c.Read)];
        var names = columns.Select(c => _sql.DelimitIdentifier(c.Property.GetColumnName(table)!)).ToList();
        _insert = $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ";

        var keys = entity.FindPrimaryKey()!.Properties.Select(p => _sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList();
        _conflict = upsert
            ? $" ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", names.Except(keys).Select(n => $"{n} = excluded.{n}"))}"
            : "";
        _rowsPerCommand = Math.Max(1, (db.Database.IsSqlite() ? SqliteParameters : PostgresParameters) / _mappings.Length);
    }

    /// <summary>The providers that run the multi-row commands; others (SQL Server) keep EF's SaveChanges.</summary>
    public static bool Supports(DbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    /// <summary>
    /// Writes the rows of <typeparamref name="T"/> the context tracks as Added, in its current transaction,
    /// and marks them Unchanged, so the next SaveChanges leaves them be (for types whose keys the caller sets).
    /// </summary>
    public static async Task WriteAddedAsync(DbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return;
        }

        await new BulkRows<T>(db, upsert: false).WriteAsync([.. added.Select(e => e.Entity)], ct);
        foreach (var entry in added)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>Writes the rows in the context's current transaction (the caller's unit of work), several per command.</summary>
    public async Task WriteAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk rows are written inside the caller's transaction, so they commit with the rest of its work.");
        DbCommand? full = null;
        try
        {
            foreach (var group in rows.Chunk(_rowsPerCommand))
            {
                // Full groups reuse one command, so SQLite compiles the statement once per call.
                var command = group.Length == _rowsPerCommand ? full ??= Command(transaction, group.Length) : Command(transaction, group.Length);
                for (var r = 0; r < group.Length; r++)
                {
                    for (var c = 0; c < _reads.Length; c++)
                    {
                        var value = _reads[c](group[r]);
                        command.Parameters[r * _reads.Length + c].Value = value is null ? DBNull.Value : _mappings[c].Converter?.ConvertToProvider(value) ?? value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private DbCommand Command(DbTransaction transaction, int rows)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[_mappings.Length];
            for (var c = 0; c < _mappings.Length; c++)
            {
                var name = $"p{command.Parameters.Count}";
                command.Parameters.Add(_mappings[c].CreateParameter(command, _sql.GenerateParameterName(name), null, nullable: true));
                names[c] = _sql.GenerateParameterNamePlaceholder(name);
            }

            values.Add($"({string.Join(", ", names)})");
        }

        command.CommandText = _insert + string.Join(", ", values) + _conflict;
        return command;
    }

    /// <summary>Every mapped column with its CLR value (the mapping converts it when it makes the parameter): the entity's own properties, then those of its complex properties (one level, as the platform uses them).</summary>
    private static IEnumerable<(IProperty Property, Func<T, object?> Read)> Columns(IEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            var getter = property.GetGetter();
            yield return (property, row => getter.GetClrValue(row));
        }

        foreach (var complex in entity.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                yield return (property, row => getter.GetClrValueUsingContainingEntity(row));
            }
        }
    }
}
