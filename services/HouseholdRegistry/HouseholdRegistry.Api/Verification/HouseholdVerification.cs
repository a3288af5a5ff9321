using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Verification;

/// <summary>An inspector's spot check of a household's record, by phone or in person, with what did not match.</summary>
public sealed class HouseholdVerification
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public required string VillageCode { get; set; }

    public VerificationMethod Method { get; set; }

    public required string InspectorName { get; set; }

    public List<string> MembersStated { get; set; } = [];

    public string HelperNameStated { get; set; } = "";

    public string Notes { get; set; } = "";

    public List<VerificationMismatch> Mismatches { get; set; } = [];

    /// <summary>Kept apart from the list so the mismatch listing is one indexed filter.</summary>
    public int MismatchCount { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

public sealed record VerificationMismatch(MismatchKind Kind, string Detail);

internal sealed class VerificationConfiguration : IEntityTypeConfiguration<HouseholdVerification>
{
    public void Configure(EntityTypeBuilder<HouseholdVerification> e)
    {
        e.ToTable("Verifications");
        e.HasKey(v => v.Seq);
        e.HasIndex(v => v.Id).IsUnique();
        e.Property(v => v.VillageCode).HasMaxLength(12);
        e.Property(v => v.InspectorName).HasMaxLength(50);
        e.Property(v => v.HelperNameStated).HasMaxLength(50);
        e.Property(v => v.Notes).HasMaxLength(2000);
        e.Property(v => v.RecordedBy).HasMaxLength(128);
        e.Property(v => v.MembersStated).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, n) => HashCode.Combine(h, n)), v => v.ToList()))
            .HasColumnName("MembersStatedJson");
        e.Property(v => v.Mismatches).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<VerificationMismatch>>(v, JsonSerializerOptions.Default) ?? new List<VerificationMismatch>(),
            new ValueComparer<List<VerificationMismatch>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, n) => HashCode.Combine(h, n)), v => v.ToList()))
            .HasColumnName("MismatchesJson");
        e.HasIndex(v => new { v.VillageCode, v.MismatchCount, v.Seq });
        e.HasIndex(v => v.HouseholdId);
    }
}
