using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// The WAL checkpoints of a bulk import on SQLite. SQLite checkpoints on its own once the log holds
/// 1,000 pages; a chunk of the import writes several thousand (members' hashes land on random
/// index pages), so every commit also copied its pages into the database file and synced it. The
/// import turns that off and checkpoints itself after the commit that brings the log to
/// <see cref="LogLimitBytes"/>: far fewer syncs, and a page changed by several chunks is copied
/// once. The connection's own setting comes back afterwards, as the pool hands it on.
/// </summary>
internal sealed class ImportCheckpoints
{
    /// <summary>Log written between checkpoints; one more chunk's pages on top stays well inside 256 MB.</summary>
    public const long LogLimitBytes = 128L * 1024 * 1024;

    /// <summary>SQLITE_DBSTATUS_CACHE_WRITE: pages this connection wrote, which in WAL mode are the log's frames.</summary>
    private const int PagesWritten = 9;

    private readonly SqliteConnection _connection;
    private readonly long _previousAutoCheckpoint;
    private readonly long _limitPages;
    private long _pagesSinceCheckpoint;

    private ImportCheckpoints(SqliteConnection connection, long previousAutoCheckpoint, long pageSize)
    {
        _connection = connection;
        _previousAutoCheckpoint = previousAutoCheckpoint;
        _limitPages = LogLimitBytes / pageSize;
        PagesSince();
    }

    /// <summary>Time spent in checkpoints so far.</summary>
    public TimeSpan Elapsed { get; private set; }

    public int Count { get; private set; }

    /// <summary>Takes over the checkpoints of the context's open connection; null on other providers, which have no WAL to manage.</summary>
    public static async Task<ImportCheckpoints?> StartAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var previous = await ScalarAsync(connection, "PRAGMA wal_autocheckpoint", cancellationToken);
        var pageSize = await ScalarAsync(connection, "PRAGMA page_size", cancellationToken);
        await ScalarAsync(connection, "PRAGMA wal_autocheckpoint = 0", cancellationToken);
        return new ImportCheckpoints(connection, previous, pageSize);
    }

    /// <summary>After a commit: checkpoints once the log since the last one reaches the limit.</summary>
    public async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        _pagesSinceCheckpoint += PagesSince();
        if (_pagesSinceCheckpoint < _limitPages)
        {
            return;
        }

        // PASSIVE never waits for readers; with none in the log it copies every page, and the next commit starts the log from its beginning.
        var watch = Stopwatch.StartNew();
        await ScalarAsync(_connection, "PRAGMA wal_checkpoint(PASSIVE)", cancellationToken);
        Elapsed += watch.Elapsed;
        Count++;
        _pagesSinceCheckpoint = 0;
    }

    /// <summary>
    /// Copies what the import left in the log, so the next online write does not pay for it, and gives
    /// the connection its own automatic checkpoints back; also after a failed import.
    /// </summary>
    public async Task RestoreAsync()
    {
        try
        {
            await ScalarAsync(_connection, "PRAGMA wal_checkpoint(PASSIVE)", CancellationToken.None);
        }
        finally
        {
            await ScalarAsync(_connection, $"PRAGMA wal_autocheckpoint = {_previousAutoCheckpoint}", CancellationToken.None);
        }
    }

    private long PagesSince()
    {
        raw.sqlite3_db_status(_connection.Handle, PagesWritten, out var current, out _, 1);
        return current;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
