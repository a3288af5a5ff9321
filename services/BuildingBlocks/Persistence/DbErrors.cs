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
    private const int SqlServerDeadlockVictim = 1205;

    /// <summary>True when the save broke a unique index or primary key: another writer got there first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException e => e.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };

    /// <summary>
    /// True when the work lost a race without a unique index to say so: an optimistic concurrency
    /// token moved, or the database aborted a transaction as a serialization failure or deadlock.
    /// The caller answers Aborted (try again). Looks through the wrappers: EF wraps a failed save
    /// in DbUpdateException, and Npgsql's execution strategy wraps a transient one (a deadlock) again
    /// in InvalidOperationException; raw SQL throws the provider's exception bare.
    /// </summary>
    public static bool IsConcurrencyConflict(this Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException
                || e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
                || e is Microsoft.Data.SqlClient.SqlException { Number: SqlServerDeadlockVictim })
            {
                return true;
            }
        }

        return false;
    }
}
