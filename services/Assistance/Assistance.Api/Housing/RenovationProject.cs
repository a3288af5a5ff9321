using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Housing;

public enum RenovationKind
{
    /// <summary>Repair or reinforce the house.</summary>
    Repair = 1,
    Rebuild = 2,

    /// <summary>易地搬迁代替: the family moves to a relocation home instead; accepted means they moved in.</summary>
    RelocationInstead = 3,
}

public enum RenovationStatus
{
    Planned = 1,
    UnderConstruction = 2,
    Completed = 3,
    Accepted = 4,
    Cancelled = 5,
}

/// <summary>A renovation project for a dangerous house (危房改造), answering the C/D appraisal that was latest when it started.</summary>
public sealed class RenovationProject
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid AppraisalId { get; set; }

    public RenovationKind Kind { get; set; }

    public long SubsidyFen { get; set; }

    public RenovationStatus Status { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateTime StatusChangedAt { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public List<AcceptanceInspection> Inspections { get; set; } = [];

    /// <summary>Neither accepted nor cancelled: the household has work under way.</summary>
    public bool IsOpen => Status is not (RenovationStatus.Accepted or RenovationStatus.Cancelled);
}

/// <summary>An acceptance inspection (竣工验收) of a completed project; every inspection is kept.</summary>
public sealed class AcceptanceInspection
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public DateOnly InspectedOn { get; set; }

    public required string Inspector { get; set; }

    public bool Passed { get; set; }

    public string Findings { get; set; } = "";

    public bool FamilyMovedIn { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// The project's life: planned → under construction → completed → accepted, one step at a time and
/// never back, except that a failed acceptance returns the work to under construction. Any project
/// not yet accepted may be cancelled.
/// </summary>
public static class RenovationLifecycle
{
    /// <summary>Whether an officer may move a project from <paramref name="from"/> to <paramref name="to"/> (acceptance has its own call).</summary>
    public static bool CanAdvance(RenovationStatus from, RenovationStatus to) => (from, to) switch
    {
        (RenovationStatus.Planned, RenovationStatus.UnderConstruction) => true,
        (RenovationStatus.UnderConstruction, RenovationStatus.Completed) => true,
        (RenovationStatus.Planned or RenovationStatus.UnderConstruction or RenovationStatus.Completed, RenovationStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Why an officer may not move a project from <paramref name="from"/> to <paramref name="to"/>, or null when they may.</summary>
    public static string? WhyNotAdvance(RenovationStatus from, RenovationStatus to) =>
        CanAdvance(from, to) ? null : $"A project that is {HousingRule.Describe(from)} cannot become {HousingRule.Describe(to)}.";

    /// <summary>Why no acceptance inspection may be recorded: only completed work is inspected.</summary>
    public static string? WhyNotInspect(RenovationStatus from) =>
        from == RenovationStatus.Completed ? null : $"Only a completed project can be inspected for acceptance; this one is {HousingRule.Describe(from)}.";

    /// <summary>The status after an acceptance inspection, or null when the project is not completed and cannot be inspected.</summary>
    public static RenovationStatus? AfterInspection(RenovationStatus from, bool passed) =>
        from != RenovationStatus.Completed ? null : passed ? RenovationStatus.Accepted : RenovationStatus.UnderConstruction;
}

/// <summary>
/// At most one open project per household (<see cref="RenovationProject.IsOpen"/>): StartRenovation's check
/// alone lets two starts at the same moment both in. The filter is provider SQL, so each provider context
/// supplies it (AssistanceDbContext.OpenRenovationFilter); applied by the context, not picked up from the assembly.
/// </summary>
internal sealed class OpenRenovationIndex(string openFilter) : IEntityTypeConfiguration<RenovationProject>
{
    public void Configure(EntityTypeBuilder<RenovationProject> e) =>
        e.HasIndex(p => p.HouseholdId, "IX_RenovationProjects_OpenPerHousehold").IsUnique().HasFilter(openFilter);
}

internal sealed class RenovationProjectConfiguration : IEntityTypeConfiguration<RenovationProject>, IEntityTypeConfiguration<AcceptanceInspection>
{
    public void Configure(EntityTypeBuilder<RenovationProject> e)
    {
        e.ToTable("RenovationProjects");
        e.HasKey(p => p.Id);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(p => p.RecordedBy).HasMaxLength(128);
        e.Ignore(p => p.IsOpen);
        e.HasMany(p => p.Inspections).WithOne().HasForeignKey(i => i.ProjectId);
        e.HasIndex(p => p.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<AcceptanceInspection> e)
    {
        e.ToTable("RenovationInspections");
        e.HasKey(i => i.Id);
        e.Property(i => i.Inspector).HasMaxLength(64);
        e.Property(i => i.Findings).HasMaxLength(400);
    }
}
