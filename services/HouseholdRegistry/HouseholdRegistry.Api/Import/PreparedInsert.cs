using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// One INSERT command for an entity, built from the EF model and reused for every row: table,
/// column names, quoting, value converters and parameter types all come from the model, so the
/// rows are exactly what EF itself would write, on SQLite and SQL Server alike.
/// </summary>
internal sealed class PreparedInsert<T> : IDisposable
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, Func<T, object?> Read)[] _columns;

    /// <param name="generatedKey">A store-generated key to leave out and read back, or null.</param>
    public PreparedInsert(DbContext db, DbConnection connection, string? generatedKey, params string[] storeGenerated)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _command = connection.CreateCommand();

        var properties = entity.GetProperties().Where(p => p.Name != generatedKey && !storeGenerated.Contains(p.Name)).ToList();
        var columns = new List<(DbParameter, Func<T, object?>)>();
        foreach (var property in properties)
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(_command, sql.GenerateParameterName($"p{columns.Count}"), null, property.IsNullable);
            _command.Parameters.Add(parameter);
            var getter = property.GetGetter();
            var converter = mapping.Converter;
            columns.Add((parameter, row => getter.GetClrValue(row!) is { } value ? converter is null ? value : converter.ConvertToProvider(value) : null));
        }

        _columns = [.. columns];
        var names = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        if (generatedKey is null)
        {
            _command.CommandText = $"INSERT INTO {tableName} ({names}) VALUES ({values})";
        }
        else
        {
            var key = sql.DelimitIdentifier(entity.FindProperty(generatedKey)!.GetColumnName(table)!);
            // SQL Server names the returned column before VALUES, SQLite after; nothing else differs.
            _command.CommandText = db.Database.IsSqlServer()
                ? $"INSERT INTO {tableName} ({names}) OUTPUT INSERTED.{key} VALUES ({values})"
                : $"INSERT INTO {tableName} ({names}) VALUES ({values}) RETURNING {key}";
        }
    }

    public DbTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    /// <summary>Inserts one row. Reusing the one command lets SQLite keep its compiled statement and SQL Server its plan.</summary>
    public Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        Bind(row);
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts one row and answers its store-generated key.</summary>
    public async Task<long> InsertReturningKeyAsync(T row, CancellationToken cancellationToken)
    {
        Bind(row);
        return Convert.ToInt64(await _command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _command.Dispose();

    private void Bind(T row)
    {
        foreach (var (parameter, read) in _columns)
        {
            parameter.Value = read(row) ?? DBNull.Value;
        }
    }
}
