using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Relocation.Plans;

/// <summary>
/// A plan withdrawn before the move (a wrong unit, the family's circumstances changed): the unit is
/// free again and the household awaits a new plan; the withdrawn plan stays on record with its reason.
/// </summary>
public sealed class PlanCancellation
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid SiteId { get; set; }

    public Guid UnitId { get; set; }

    public DateOnly PlannedMoveOn { get; set; }

    public required string Reason { get; set; }

    public required string CancelledBy { get; set; }

    public DateTime CancelledAt { get; set; }
}

internal sealed class PlanCancellationConfiguration : IEntityTypeConfiguration<PlanCancellation>
{
    public void Configure(EntityTypeBuilder<PlanCancellation> e)
    {
        e.ToTable("PlanCancellations");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Reason).HasMaxLength(500);
        e.Property(c => c.CancelledBy).HasMaxLength(100);
        e.HasIndex(c => c.HouseholdId);
    }
}
