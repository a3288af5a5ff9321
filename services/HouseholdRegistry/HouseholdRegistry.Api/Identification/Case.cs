using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// A case a county runs for one household: identification (精准识别) or exit (脱贫退出). Its steps,
/// notices and objections are never deleted: together they are the archive of the case.
/// </summary>
public sealed class Case
{
    /// <summary>Internal ascending key: newest-first listing and paging use it.</summary>
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public long HouseholdSeq { get; set; }

    public Household Household { get; set; } = null!;

    /// <summary>The household's village, copied so cases list by region without a join.</summary>
    public required string RegionCode { get; set; }

    public CaseKind Kind { get; set; }

    /// <summary>The step the case waits for; once closed, the step it closed at.</summary>
    public CaseStage Stage { get; set; }

    public CaseOutcome Outcome { get; set; } = CaseOutcome.Open;

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string ClosingReason { get; set; } = "";

    /// <summary>五不录 rules (HouseholdFacts field names) of the latest exclusion.</summary>
    public List<string> ExcludedRules { get; set; } = [];

    /// <summary>The household's id while the case is open, null once closed: a unique index allows one open case per household.</summary>
    public Guid? OpenForHouseholdId { get; set; }

    /// <summary>Moves with every change, so two officers taking the same step at once cannot both succeed.</summary>
    public int Version { get; set; }

    public List<CaseStep> Steps { get; set; } = [];

    public List<Notice> Notices { get; set; } = [];

    public bool IsOpen => Outcome == CaseOutcome.Open;

    public void Close(CaseOutcome outcome, DateTime at, string reason)
    {
        Outcome = outcome;
        ClosedAt = at;
        ClosingReason = reason;
        OpenForHouseholdId = null;
    }

    public void Reopen()
    {
        Outcome = CaseOutcome.Open;
        ClosedAt = null;
        ClosingReason = "";
        OpenForHouseholdId = Household.Id;
    }
}

/// <summary>One archived step of a case: who, in which role and region, decided what, when and why.</summary>
public sealed class CaseStep
{
    public long Id { get; set; }

    public long CaseSeq { get; set; }

    public CaseStage Stage { get; set; }

    public StepDecision Decision { get; set; }

    public required string Actor { get; set; }

    public required string ActorRole { get; set; }

    public required string ActorRegion { get; set; }

    public DateTime At { get; set; }

    public string Reason { get; set; } = "";

    public int? VotesInFavour { get; set; }

    public int? VotesAgainst { get; set; }

    public int? VotesAbstaining { get; set; }

    public string Minutes { get; set; } = "";
}

/// <summary>A notice on the village wall: the 公示 after village review or the 公告 after county approval.</summary>
public sealed class Notice
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public long CaseSeq { get; set; }

    public Case Case { get; set; } = null!;

    public required string VillageCode { get; set; }

    public NoticeKind Kind { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The first day the notice may close.</summary>
    public DateOnly EndDate { get; set; }

    public NoticeStatus Status { get; set; } = NoticeStatus.Open;

    public List<Objection> Objections { get; set; } = [];
}

/// <summary>An objection to a notice: who filed it, who objects, what and on which evidence, and its finding.</summary>
public sealed class Objection
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public long NoticeSeq { get; set; }

    public Notice Notice { get; set; } = null!;

    public required string FiledBy { get; set; }

    public required string FiledByRole { get; set; }

    /// <summary>The objector's name as given; personal data.</summary>
    public required string ObjectorName { get; set; }

    public required string Content { get; set; }

    public string Evidence { get; set; } = "";

    public DateTime FiledAt { get; set; }

    public ObjectionStatus Status { get; set; } = ObjectionStatus.Open;

    public string Finding { get; set; } = "";

    public string? ResolvedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("Cases");
        e.HasKey(c => c.Seq);
        e.HasIndex(c => c.Id).IsUnique();
        e.HasIndex(c => c.OpenForHouseholdId).IsUnique();
        e.HasIndex(c => new { c.RegionCode, c.Seq });
        e.HasIndex(c => c.HouseholdSeq);
        e.Property(c => c.RegionCode).HasMaxLength(12);
        e.Property(c => c.ClosingReason).HasMaxLength(2000);
        e.Property(c => c.ExcludedRules)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()))
            .HasMaxLength(200);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasOne(c => c.Household).WithMany().HasForeignKey(c => c.HouseholdSeq).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseSeq).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Notices).WithOne(n => n.Case).HasForeignKey(n => n.CaseSeq).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> e)
    {
        e.ToTable("CaseSteps");
        e.HasKey(s => s.Id);
        e.Property(s => s.Actor).HasMaxLength(128);
        e.Property(s => s.ActorRole).HasMaxLength(32);
        e.Property(s => s.ActorRegion).HasMaxLength(12);
        e.Property(s => s.Reason).HasMaxLength(2000);
        e.Property(s => s.Minutes).HasMaxLength(4000);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.ToTable("Notices");
        e.HasKey(n => n.Seq);
        e.HasIndex(n => n.Id).IsUnique();
        e.HasIndex(n => new { n.VillageCode, n.Seq });
        e.Property(n => n.VillageCode).HasMaxLength(12);
        e.HasMany(n => n.Objections).WithOne(o => o.Notice).HasForeignKey(o => o.NoticeSeq).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> e)
    {
        e.ToTable("Objections");
        e.HasKey(o => o.Seq);
        e.HasIndex(o => o.Id).IsUnique();
        e.Property(o => o.FiledBy).HasMaxLength(128);
        e.Property(o => o.FiledByRole).HasMaxLength(32);
        e.Property(o => o.ObjectorName).HasMaxLength(50);
        e.Property(o => o.Content).HasMaxLength(2000);
        e.Property(o => o.Evidence).HasMaxLength(2000);
        e.Property(o => o.Finding).HasMaxLength(2000);
        e.Property(o => o.ResolvedBy).HasMaxLength(128);
    }
}
