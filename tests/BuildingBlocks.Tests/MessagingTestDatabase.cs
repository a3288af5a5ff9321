using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Testing;

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
/// A temporary database that several contexts (and hosts, as replicas) share, with the messaging
/// tables created: a SQLite file in WAL mode, or a fresh database on the process's private PostgreSQL cluster.
/// </summary>
public sealed class MessagingTestDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private MessagingTestDatabase(TestDatabase database) => _database = database;

    public string ConnectionString => _database.ConnectionString;

    public static async Task<MessagingTestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = new MessagingTestDatabase(TestDatabase.Create("messaging", provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite"));
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync();
        await database._database.PrepareAsync(db);
        return database;
    }

    /// <summary>The provider and connection, as a service's AddPlatformDatabase would set them.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => _database.Configure(options);

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

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
