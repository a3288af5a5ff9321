using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Persistence;

/// <summary>
/// What a failed save means, for each provider. A handler that turns a lost race into
/// AlreadyExists must ask this rather than catch every DbUpdateException: a value too long for its
/// column, a broken foreign key or a lost connection is not "already exists".
/// </summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>True when the save broke a unique index or primary key: another writer got there first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException e => e.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };

    /// <summary>
    /// True when the save lost a race without a unique index to say so: an optimistic concurrency
    /// token moved, or PostgreSQL aborted a transaction as a serialization failure or deadlock.
    /// The caller answers Aborted (try again).
    /// </summary>
    public static bool IsConcurrencyConflict(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };
}
