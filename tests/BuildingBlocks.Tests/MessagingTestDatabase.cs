using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.LocalPostgres;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

/// <summary>A service database reduced to the messaging tables and the audit trail.</summary>
public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : PlatformDbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>An event the tests write to the outbox: its aggregate and its place in the aggregate's order.</summary>
public sealed record TestEvent(string Aggregate, int Seq);

/// <summary>
/// A temporary database that several contexts (and hosts, as replicas) share: a SQLite file in WAL
/// mode, or a fresh database on the process's private PostgreSQL cluster.
/// </summary>
public sealed class MessagingTestDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;

    private MessagingTestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<MessagingTestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        MessagingTestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            database = new MessagingTestDatabase(provider, await ThrowawayCluster.CreateDatabaseAsync("messaging"), null);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"pa-messaging-{Guid.NewGuid():N}.db");
            database = new MessagingTestDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=30", path);
        }

        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return database;
    }

    /// <summary>The provider and connection, as a service's AddPlatformDatabase would set them.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => Provider == DatabaseProvider.Postgres
        ? options.UseNpgsql(ConnectionString)
        : options.UseSqlite(ConnectionString).AddInterceptors(SqliteConnectionPragmas.Instance);

    public MessagingTestDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<MessagingTestDbContext>();
        Configure(options);
        return new MessagingTestDbContext(options.Options);
    }

    /// <summary>Writes one outbox row per event, as services do (AddEvent, then SaveChanges); returns their ids.</summary>
    public async Task<List<long>> AddEventsAsync(IEnumerable<TestEvent> events, DateTime now)
    {
        await using var db = NewContext();
        var rows = events.Select(e => db.AddEvent(e, e.Aggregate, now)).ToList();
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>A row whose event type no service has loaded: the relay can never publish it as it is.</summary>
    public async Task<long> AddUnpublishableRowAsync(string aggregate, DateTime now)
    {
        await using var db = NewContext();
        var row = new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            MessageType = "Retired.Events.SomethingHappened, Retired.Contracts",
            Body = "{}",
            AggregateKey = aggregate,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public async Task<T> QueryAsync<T>(Func<MessagingTestDbContext, Task<T>> query)
    {
        await using var db = NewContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is null)
        {
            await ThrowawayCluster.DropDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
