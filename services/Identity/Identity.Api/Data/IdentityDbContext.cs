using Microsoft.EntityFrameworkCore;
using Platform.Identity.Accounts;
using Platform.Identity.Keys;
using Platform.Persistence;

namespace Platform.Identity.Data;

/// <summary>
/// The identity service's one model: OpenIddict's applications, authorizations, scopes and tokens,
/// the platform's facts about each client and officer (role, region, scopes, disabled), and the
/// signing keys. The provider contexts below only carry their migration sets.
/// </summary>
public abstract class IdentityDbContext(DbContextOptions options) : PlatformDbContext(options)
{
    public DbSet<ClientAccount> Clients => Set<ClientAccount>();

    public DbSet<OfficerAccount> Officers => Set<OfficerAccount>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}

public sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : IdentityDbContext(options);

public sealed class SqlServerIdentityDbContext(DbContextOptions<SqlServerIdentityDbContext> options) : IdentityDbContext(options);

public sealed class PostgresIdentityDbContext(DbContextOptions<PostgresIdentityDbContext> options) : IdentityDbContext(options);
