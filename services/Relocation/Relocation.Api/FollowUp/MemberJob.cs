using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// A job of a household member, as the employment service's events told it. Kept for every job
/// heard of, even before the household's plan exists, so an event that arrives first is not lost.
/// Start and end are set independently: an end that arrives before its start still ends the job.
/// </summary>
public sealed class MemberJob
{
    /// <summary>The employment service's job id.</summary>
    public Guid EmploymentId { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public string? EmploymentType { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public bool IsRunning => StartedOn is not null && EndedOn is null;
}

internal sealed class MemberJobConfiguration : IEntityTypeConfiguration<MemberJob>
{
    public void Configure(EntityTypeBuilder<MemberJob> e)
    {
        e.ToTable("MemberJobs");
        e.HasKey(j => j.EmploymentId);
        e.Property(j => j.EmploymentId).ValueGeneratedNever();
        e.Property(j => j.EmploymentType).HasMaxLength(40).IsUnicode(false);
        e.Ignore(j => j.IsRunning);
        e.HasIndex(j => j.HouseholdId);
    }
}
