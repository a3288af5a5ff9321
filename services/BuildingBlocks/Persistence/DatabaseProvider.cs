namespace Platform.Persistence;

/// <summary>SQLite is the embedded default; SQL Server is the production provider.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
