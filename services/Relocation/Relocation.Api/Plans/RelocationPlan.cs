using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Relocation.Plans;

/// <summary>Why a household must move (the brief's three reasons for 易地扶贫搬迁).</summary>
public enum RelocationReason
{
    /// <summary>一方水土养不起一方人: conditions where the household lives cannot support it.</summary>
    UnlivableConditions = 1,
    EcologicalFragility = 2,
    FrequentDisasters = 3,
}

/// <summary>planned → moved in → old homestead reclaimed (拆旧复垦、生态修复).</summary>
public enum RelocationStage
{
    Planned = 1,
    MovedIn = 2,
    HomesteadReclaimed = 3,
}

/// <summary>
/// A relocated household's plan and its progress, one per household. The origin is the household's
/// registry village; the destination is a unit at a site, whose county manages the follow-up.
/// </summary>
public sealed class RelocationPlan
{
    /// <summary>The registry's household id.</summary>
    public Guid HouseholdId { get; set; }

    public required string OriginRegionCode { get; set; }

    public RelocationReason Reason { get; set; }

    public Guid SiteId { get; set; }

    /// <summary>The site's region, copied so region checks need no join.</summary>
    public required string SiteRegionCode { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>People moving, counted when the plan was made; the area standard and site capacity use it.</summary>
    public int People { get; set; }

    public decimal AreaSqm { get; set; }

    /// <summary>The housing subsidy granted (建房补助), in whole fen.</summary>
    public long SubsidyFen { get; set; }

    public DateOnly PlannedMoveOn { get; set; }

    public RelocationStage Stage { get; set; } = RelocationStage.Planned;

    public DateOnly? MovedInOn { get; set; }

    public DateOnly? HomesteadReclaimedOn { get; set; }

    /// <summary>What shows the old homestead was reclaimed (e.g. an acceptance document number or photo reference).</summary>
    public string? ReclamationEvidence { get; set; }

    public required string PlannedBy { get; set; }

    public DateTime PlannedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The family's employment as last assessed (see FollowUp.FamilyEmployment).</summary>
    public int MembersSeekingWork { get; set; }

    public int MembersEmployed { get; set; }

    public bool IsZeroEmployment { get; set; }

    public DateTime? FollowUpAsOf { get; set; }

    /// <summary>
    /// Raised by every follow-up assessment and checked on save: two events of one family applied at
    /// the same moment (a job's start and end travel on different queues) cannot both act on the
    /// state each read — the second save fails and its message is retried on the fresh state, so a
    /// family never gets two open cases or a stale snapshot.
    /// </summary>
    public int FollowUpVersion { get; set; }

    public bool HasMovedIn => Stage >= RelocationStage.MovedIn;
}

internal sealed class RelocationPlanConfiguration : IEntityTypeConfiguration<RelocationPlan>
{
    public void Configure(EntityTypeBuilder<RelocationPlan> e)
    {
        e.ToTable("RelocationPlans");
        e.HasKey(p => p.HouseholdId);
        e.Property(p => p.HouseholdId).ValueGeneratedNever();
        e.Property(p => p.OriginRegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(p => p.SiteRegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(p => p.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(p => p.Stage).HasConversion<string>().HasMaxLength(24);
        e.Property(p => p.AreaSqm).HasPrecision(7, 2);
        e.Property(p => p.ReclamationEvidence).HasMaxLength(500);
        e.Property(p => p.PlannedBy).HasMaxLength(100);
        e.Ignore(p => p.HasMovedIn);
        e.Property(p => p.FollowUpVersion).IsConcurrencyToken();
        e.HasIndex(p => p.UnitId).IsUnique();
        e.HasIndex(p => p.SiteId);
        e.HasIndex(p => p.OriginRegionCode);
        e.HasIndex(p => p.SiteRegionCode);
    }
}
