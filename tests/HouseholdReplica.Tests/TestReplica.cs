using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;

namespace Platform.HouseholdReplica.Tests;

/// <summary>A service's replica in miniature: the common part, one extra member fact and one extra household fact.</summary>
public sealed class TestHousehold : ReplicaHousehold<TestMember>
{
    public string Pathway { get; set; } = "Unspecified";

    public DateOnly? SupportUntil { get; set; }
}

public sealed class TestMember : ReplicaMember
{
    public string Sex { get; set; } = "Unspecified";
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<TestHousehold> Households => Set<TestHousehold>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<TestHousehold>().MapReplicaHousehold<TestHousehold, TestMember>();
        modelBuilder.Entity<TestMember>().MapReplicaMember("Members");
    }
}

/// <summary>Uses every extension point, recording the calls so the tests can see when the block makes them.</summary>
public sealed class TestWriter(TestDbContext db) : HouseholdReplicaWriter<TestHousehold, TestMember>(db)
{
    public List<string> Calls { get; } = [];

    protected override TestHousehold NewHousehold(Guid id, string regionCode) => new() { Id = id, RegionCode = regionCode };

    protected override TestMember NewMember(Guid id, Guid householdId) => new() { Id = id, HouseholdId = householdId };

    protected override void CopyMember(TestMember member, MemberFacts facts) => member.Sex = facts.Sex;

    protected override void OnRegistered(TestHousehold household, HouseholdRegistered e, bool statusMoved)
    {
        Calls.Add($"registered moved={statusMoved}");
        household.Pathway = e.Pathway;
    }

    protected override void OnExited(TestHousehold household, HouseholdExited e)
    {
        Calls.Add("exited");
        household.SupportUntil = e.SupportUntil;
    }
}

/// <summary>A SQLite file database with the test replica's tables, deleted after the test.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"replica-tests-{Guid.NewGuid():N}.db");

    public TestDatabase()
    {
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public string ConnectionString => $"Data Source={_path}";

    public TestDbContext NewContext() => new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
