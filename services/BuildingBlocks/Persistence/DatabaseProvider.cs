namespace Platform.Persistence;

/// <summary>
/// SQLite is the embedded default; SQL Server is the production provider; PostgreSQL is the
/// server database that runs on our machines (and the base of the PostgreSQL-compatible
/// databases provincial clouds require), so concurrency and replicas are tested on it.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
