using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection a context opens. The setting
/// lives on the connection, not in the file: it is applied once per underlying SQLite handle, which
/// a pooled connection keeps between opens. In WAL mode a commit then appends to the log without an
/// fsync: it survives a crash of the process, and only a power loss or an operating system crash
/// can roll back the last commits; the database is never corrupted.
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=NORMAL;";

    public static readonly SqliteSynchronousInterceptor Instance = new();

    private readonly ConditionalWeakTable<object, object?> _applied = [];

    private SqliteSynchronousInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A read-only connection never commits; EF opens one afresh to check that the database exists
    /// (the health check), and a statement on it would make SQLite read the whole schema each time.
    /// </summary>
    private bool IsNew(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite
        && _applied.TryAdd(handle, null)
        && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != SqliteOpenMode.ReadOnly;
}
