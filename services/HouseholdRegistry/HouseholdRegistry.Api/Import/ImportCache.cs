using Microsoft.EntityFrameworkCore;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// SQLite's page cache during a bulk write (an import, the demo seed). Members' keyed hashes land all
/// over their unique index; SQLite's default 2 MB page cache would read most index pages from disk
/// again. The pooled connection gets its default back afterwards. Other providers are left alone.
/// </summary>
internal static class ImportCache
{
    /// <summary>64 MB.</summary>
    private const string Large = "PRAGMA cache_size = -65536";

    /// <summary>SQLite's default, 2 MB.</summary>
    private const string Default = "PRAGMA cache_size = -2000";

    /// <summary>On the context's open connection, which the bulk write keeps for its whole run.</summary>
    public static Task EnlargeAsync(DbContext db) => SetAsync(db, Large);

    public static Task RestoreAsync(DbContext db) => SetAsync(db, Default);

    private static Task SetAsync(DbContext db, string pragma) =>
        db.Database.IsSqlite() ? db.Database.ExecuteSqlRawAsync(pragma) : Task.CompletedTask;
}
