using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Water;

public enum WaterProjectKind
{
    /// <summary>集中供水.</summary>
    CentralisedSupply,

    /// <summary>管网延伸.</summary>
    PipeExtension,

    Well,

    WaterPurification,

    /// <summary>水窖/水池.</summary>
    StorageTank,
}

public enum WaterProjectStatus
{
    Planned,
    UnderConstruction,
    Completed,
}

/// <summary>A project that closes drinking-water gaps (饮水安全巩固提升工程), built in one village, serving households of its county.</summary>
public sealed class WaterProject
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public WaterProjectKind Kind { get; set; }

    public required string VillageCode { get; set; }

    public long BudgetFen { get; set; }

    public WaterProjectStatus Status { get; set; }

    /// <summary>The dimensions the project is meant to fix.</summary>
    public List<WaterDimension> Fixes { get; set; } = [];

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public DateTime? CompletedAt { get; set; }
}

/// <summary>A household a project serves.</summary>
public sealed class WaterProjectHousehold
{
    public Guid ProjectId { get; set; }

    public Guid HouseholdId { get; set; }

    public required string RegionCode { get; set; }

    public required string AddedBy { get; set; }

    public DateTime AddedAt { get; set; }
}

/// <summary>
/// Recorded for each served household when a project is completed: the household must be assessed
/// again, because only an assessment after completion shows whether the project closed its gaps.
/// </summary>
public sealed class WaterReassessmentDuty
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid HouseholdId { get; set; }

    public required string RegionCode { get; set; }

    public DateOnly CompletedOn { get; set; }

    public DateTime CompletedAt { get; set; }
}

/// <summary>The project's steps, planned → under construction → completed, and when a re-assessment is still due.</summary>
public static class WaterProjectLifecycle
{
    /// <summary>Why the project cannot move to <paramref name="to"/>, or null when it can.</summary>
    public static string? CannotAdvance(WaterProjectStatus from, WaterProjectStatus to, int householdsServed) => (from, to) switch
    {
        (WaterProjectStatus.Planned, WaterProjectStatus.UnderConstruction) => null,
        (WaterProjectStatus.UnderConstruction, WaterProjectStatus.Completed) when householdsServed == 0 =>
            "a project is completed only once the households it serves are recorded",
        (WaterProjectStatus.UnderConstruction, WaterProjectStatus.Completed) => null,
        _ when from == to => $"the project is already {Describe(from)}",
        _ => $"a {Describe(from)} project cannot become {Describe(to)}; the steps are planned, under construction, completed",
    };

    /// <summary>Served households are fixed once the project is completed: its duties name them.</summary>
    public static string? WhyNoHouseholds(WaterProjectStatus status) =>
        status == WaterProjectStatus.Completed ? "A completed project's served households are fixed; record a new project for more households." : null;

    /// <summary>
    /// An assessment answers a completion when it was made on or after the completion day and recorded
    /// after the completion: an earlier record cannot show what the finished project changed.
    /// ListReassessmentsDue's query says the same in SQL.
    /// </summary>
    public static bool Answers(WaterAssessment assessment, DateOnly completedOn, DateTime completedAt) =>
        assessment.AssessedOn >= completedOn && assessment.RecordedAt > completedAt;

    /// <summary>A re-assessment is due while no assessment of the household answers the completion.</summary>
    public static bool ReassessmentDue(WaterReassessmentDuty duty, IEnumerable<WaterAssessment> householdAssessments) =>
        !householdAssessments.Any(a => a.HouseholdId == duty.HouseholdId && Answers(a, duty.CompletedOn, duty.CompletedAt));

    public static string Describe(WaterProjectStatus status) => status switch
    {
        WaterProjectStatus.Planned => "planned",
        WaterProjectStatus.UnderConstruction => "under construction",
        _ => "completed",
    };
}

internal sealed class WaterProjectConfiguration :
    IEntityTypeConfiguration<WaterProject>, IEntityTypeConfiguration<WaterProjectHousehold>, IEntityTypeConfiguration<WaterReassessmentDuty>
{
    public void Configure(EntityTypeBuilder<WaterProject> e)
    {
        e.ToTable("WaterProjects");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(100);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(p => p.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        e.PrimitiveCollection(p => p.Fixes).HasMaxLength(200);
        e.Property(p => p.CreatedBy).HasMaxLength(128);
        e.HasIndex(p => p.VillageCode);
    }

    public void Configure(EntityTypeBuilder<WaterProjectHousehold> e)
    {
        e.ToTable("WaterProjectHouseholds");
        e.HasKey(s => new { s.ProjectId, s.HouseholdId });
        e.Property(s => s.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(s => s.AddedBy).HasMaxLength(128);
        e.HasOne<WaterProject>().WithMany().HasForeignKey(s => s.ProjectId);
        e.HasIndex(s => s.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<WaterReassessmentDuty> e)
    {
        e.ToTable("WaterReassessmentDuties");
        e.HasKey(d => d.Id);
        e.Property(d => d.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.HasOne<WaterProject>().WithMany().HasForeignKey(d => d.ProjectId);
        e.HasIndex(d => new { d.ProjectId, d.HouseholdId }).IsUnique();
        e.HasIndex(d => d.RegionCode);
    }
}
