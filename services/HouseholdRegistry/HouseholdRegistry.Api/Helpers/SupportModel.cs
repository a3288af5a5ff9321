using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>A helper cadre (帮扶责任人) from a paired unit. The phone is kept encrypted.</summary>
public sealed class Helper
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string WorkUnit { get; set; }

    public required string PhoneCipher { get; set; }

    /// <summary>The county or lower region that manages the helper; the helper serves households inside it.</summary>
    public required string RegionCode { get; set; }

    public bool Active { get; set; } = true;

    public DateTime RegisteredAt { get; set; }
}

/// <summary>One pairing of a helper with a household (结对帮扶); ended pairings stay as history.</summary>
public sealed class HelperPairing
{
    public long Id { get; set; }

    public Guid HelperId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateTime From { get; set; }

    public DateTime? To { get; set; }
}

/// <summary>A village's resident work team (驻村工作队) with its first secretary and paired unit (单位包村).</summary>
public sealed class WorkTeam
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public required string VillageCode { get; set; }

    public required string PairedUnit { get; set; }

    public required string FirstSecretaryName { get; set; }

    public List<string> MemberNames { get; set; } = [];

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>An entry of the helper's visit log (帮扶工作日志).</summary>
public sealed class Visit
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid HelperId { get; set; }

    public DateOnly VisitDate { get; set; }

    public required string Content { get; set; }

    public string FollowUp { get; set; } = "";

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A measure of a household's assistance plan; written off (销号) when done.</summary>
public sealed class AssistanceMeasure
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    /// <summary>The household's village, so a village's task progress is one indexed count.</summary>
    public required string VillageCode { get; set; }

    public MeasureKind Kind { get; set; }

    public required string Description { get; set; }

    public int PlannedYear { get; set; }

    public MeasureStatus Status { get; set; } = MeasureStatus.Planned;

    public DateTime? DoneAt { get; set; }

    public string? DoneBy { get; set; }
}

internal sealed class SupportConfiguration :
    IEntityTypeConfiguration<Helper>, IEntityTypeConfiguration<HelperPairing>, IEntityTypeConfiguration<WorkTeam>,
    IEntityTypeConfiguration<Visit>, IEntityTypeConfiguration<AssistanceMeasure>
{
    public void Configure(EntityTypeBuilder<Helper> e)
    {
        e.ToTable("Helpers");
        e.HasKey(h => h.Seq);
        e.HasIndex(h => h.Id).IsUnique();
        e.Property(h => h.Name).HasMaxLength(50);
        e.Property(h => h.WorkUnit).HasMaxLength(100);
        e.Property(h => h.PhoneCipher).HasMaxLength(128);
        e.Property(h => h.RegionCode).HasMaxLength(12);
        e.HasIndex(h => new { h.RegionCode, h.Seq });
    }

    public void Configure(EntityTypeBuilder<HelperPairing> e)
    {
        e.ToTable("HelperPairings");
        e.HasIndex(p => new { p.HelperId, p.To });
        e.HasIndex(p => new { p.HouseholdId, p.To });
    }

    public void Configure(EntityTypeBuilder<WorkTeam> e)
    {
        e.ToTable("WorkTeams");
        e.HasKey(t => t.Seq);
        e.HasIndex(t => t.Id).IsUnique();
        e.Property(t => t.VillageCode).HasMaxLength(12);
        e.Property(t => t.PairedUnit).HasMaxLength(100);
        e.Property(t => t.FirstSecretaryName).HasMaxLength(50);
        e.Property(t => t.MemberNames)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, n) => HashCode.Combine(h, n)), v => v.ToList()))
            .HasColumnName("MemberNamesJson");
        e.HasIndex(t => new { t.VillageCode, t.To });
    }

    public void Configure(EntityTypeBuilder<Visit> e)
    {
        e.ToTable("Visits");
        e.HasKey(v => v.Seq);
        e.HasIndex(v => v.Id).IsUnique();
        e.Property(v => v.Content).HasMaxLength(2000);
        e.Property(v => v.FollowUp).HasMaxLength(2000);
        e.Property(v => v.RecordedBy).HasMaxLength(128);
        e.HasIndex(v => new { v.HouseholdId, v.Seq });
    }

    public void Configure(EntityTypeBuilder<AssistanceMeasure> e)
    {
        e.ToTable("AssistanceMeasures");
        e.HasKey(m => m.Seq);
        e.HasIndex(m => m.Id).IsUnique();
        e.Property(m => m.VillageCode).HasMaxLength(12);
        e.Property(m => m.Description).HasMaxLength(500);
        e.Property(m => m.DoneBy).HasMaxLength(128);

        // Two officers writing off the same measure at once: the second fails instead of overwriting.
        e.Property(m => m.Status).IsConcurrencyToken();
        e.HasIndex(m => new { m.HouseholdId, m.Seq });
        e.HasIndex(m => new { m.VillageCode, m.Status });
    }
}
