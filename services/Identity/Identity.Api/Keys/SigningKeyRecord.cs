using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Identity.Keys;

/// <summary>
/// A signing key. The newest key without <see cref="RetiredAt"/> signs; a retired key stays
/// published until <see cref="RetiresAt"/>, when every token it signed has expired.
/// </summary>
public sealed class SigningKeyRecord
{
    public required string KeyId { get; init; }

    /// <summary>RS256 or ES256.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The PKCS#8 private key, encrypted with Identity:KeyProtectionKey (<see cref="KeyProtection"/>).</summary>
    public required string ProtectedPrivateKey { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When it stopped signing.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>When it stops being published.</summary>
    public DateTime? RetiresAt { get; set; }
}

internal sealed class SigningKeyRecordConfiguration : IEntityTypeConfiguration<SigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<SigningKeyRecord> b)
    {
        b.ToTable("SigningKeys");
        b.HasKey(k => k.KeyId);
        b.Property(k => k.KeyId).HasMaxLength(64);
        b.Property(k => k.Algorithm).HasMaxLength(8);
        b.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
    }
}
