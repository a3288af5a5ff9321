using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> and a busy timeout on every SQLite connection a context opens. The settings
/// lives on the connection, not in the file: it is applied once per underlying SQLite handle, which
/// a pooled connection keeps between opens. In WAL mode a commit then appends to the log without an
/// fsync: it survives a crash of the process, and only a power loss or an operating system crash
/// can roll back the last commits; the database is never corrupted.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    /// <summary>
    /// Also a busy timeout: with it, SQLite itself waits for another connection's write lock in steps of
    /// a few milliseconds, where Microsoft.Data.Sqlite would otherwise sleep 150 ms on every busy answer.
    /// </summary>
    public const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public static readonly SqliteConnectionPragmas Instance = new();

    private readonly ConditionalWeakTable<object, object?> _applied = [];

    private SqliteConnectionPragmas()
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
