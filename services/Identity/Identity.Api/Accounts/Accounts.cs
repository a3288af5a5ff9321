using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Identity.Accounts;

/// <summary>
/// A department client: OpenIddict holds its id and hashed secret (an application); this row holds
/// what the platform's tokens say about it, and whether it is disabled.
/// </summary>
public sealed class ClientAccount
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; set; }

    public required string RegionCode { get; set; }

    /// <summary>Space-separated scopes it may ask for.</summary>
    public required string Scopes { get; set; }

    public DateTime RegisteredAt { get; init; }

    /// <summary>When it was disabled; its tokens issued before then are refused by the services.</summary>
    public DateTime? DisabledAt { get; set; }
}

/// <summary>An officer who obtains tokens with a user name and password (local runs, and provinces without their own provider).</summary>
public sealed class OfficerAccount
{
    public required string UserName { get; init; }

    public required string DisplayName { get; set; }

    public required string Role { get; set; }

    public required string RegionCode { get; set; }

    public required string Scopes { get; set; }

    /// <summary>PBKDF2 hash (<see cref="PasswordHashing"/>), never the password.</summary>
    public required string PasswordHash { get; set; }

    public DateTime? DisabledAt { get; set; }
}

internal sealed class ClientAccountConfiguration : IEntityTypeConfiguration<ClientAccount>
{
    public void Configure(EntityTypeBuilder<ClientAccount> b)
    {
        b.ToTable("ClientAccounts");
        b.HasKey(c => c.ClientId);
        b.Property(c => c.ClientId).HasMaxLength(64);
        b.Property(c => c.DisplayName).HasMaxLength(100);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Scopes).HasMaxLength(1000);
    }
}

internal sealed class OfficerAccountConfiguration : IEntityTypeConfiguration<OfficerAccount>
{
    public void Configure(EntityTypeBuilder<OfficerAccount> b)
    {
        b.ToTable("OfficerAccounts");
        b.HasKey(o => o.UserName);
        b.Property(o => o.UserName).HasMaxLength(64);
        b.Property(o => o.DisplayName).HasMaxLength(100);
        b.Property(o => o.Role).HasMaxLength(32);
        b.Property(o => o.RegionCode).HasMaxLength(12);
        b.Property(o => o.Scopes).HasMaxLength(1000);
        b.Property(o => o.PasswordHash).HasMaxLength(200);
    }
}
