using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.HouseholdRegistry.KeyRotation;

/// <summary>Re-encryption of the registry's personal data after a key rotation (<c>Registry:ReEncryption</c>).</summary>
public sealed class ReEncryptionOptions
{
    public const string Section = "Registry:ReEncryption";

    /// <summary>
    /// Off unless turned on: turn it on once every replica encrypts with the new key. A replica still
    /// on the old key could write a value behind the job's position, which the pass would not see.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Rows per transaction: short ones keep SQLite's one write lock short.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the replica holding the lease looks again; once every pass is done that is a few reads.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>How far the pass over one encrypted column has come, saved with each batch so it resumes after a restart.</summary>
public sealed class ReEncryptionProgress
{
    /// <summary>The column (<see cref="EncryptedColumn.Name"/>).</summary>
    public required string Name { get; set; }

    /// <summary>The key the pass moves values to; another active key starts a new pass.</summary>
    public required string KeyId { get; set; }

    /// <summary>The primary key of the last row the pass has done, as text; null before the first batch.</summary>
    public string? After { get; set; }

    /// <summary>Values the pass has re-encrypted so far.</summary>
    public long Moved { get; set; }

    /// <summary>The pass reached the last row: no value of the column uses another key than <see cref="KeyId"/>.</summary>
    public bool Done { get; set; }
}

internal sealed class ReEncryptionProgressConfiguration : IEntityTypeConfiguration<ReEncryptionProgress>
{
    public void Configure(EntityTypeBuilder<ReEncryptionProgress> e)
    {
        e.ToTable("ReEncryptionProgress");
        e.HasKey(p => p.Name);
        e.Property(p => p.Name).HasMaxLength(64);
        e.Property(p => p.KeyId).HasMaxLength(16);
        e.Property(p => p.After).HasMaxLength(64);
    }
}
