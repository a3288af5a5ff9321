using Microsoft.Data.Sqlite;

namespace Platform.Benchmarks.Import;

/// <summary>
/// The households an import batch has committed, read from its ImportBatches row on a read-only
/// connection of its own: the writer updates that row in every chunk's transaction.
/// </summary>
internal sealed class BatchProgress(string databasePath, string batchId) : IDisposable
{
    private SqliteConnection? _connection;
    private long _last;

    /// <summary>The last count read; 0 until the service has made the database and started the batch.</summary>
    public long Committed()
    {
        try
        {
            if (_connection is null)
            {
                if (!File.Exists(databasePath + "-wal"))
                {
                    return 0;
                }

                _connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
                _connection.Open();
            }

            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT \"Imported\" FROM \"ImportBatches\" WHERE \"BatchId\" = $id";
            command.Parameters.AddWithValue("$id", batchId);
            _last = command.ExecuteScalar() is long imported ? imported : _last;
        }
        catch (SqliteException)
        {
            // The service is still creating the database or its tables.
            _connection?.Dispose();
            _connection = null;
        }

        return _last;
    }

    public void Dispose() => _connection?.Dispose();
}
