using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Welfare;

/// <summary>A poverty-alleviation workshop (就业扶贫车间) registered in a village.</summary>
public sealed class Workshop
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The village (12 digits) where it stands; region scope follows it.</summary>
    public required string VillageCode { get; set; }

    /// <summary>The employer or operator running the workshop.</summary>
    public required string OperatorName { get; set; }

    public DateOnly RegisteredOn { get; set; }

    public required string RegisteredBy { get; set; }

    public DateTime RegisteredAt { get; set; }
}

/// <summary>One employment of a poor labourer in a workshop; a rehire is a new row.</summary>
public sealed class WorkshopEmployee
{
    public Guid Id { get; set; }

    public Guid WorkshopId { get; set; }

    public Guid LabourerId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateOnly HiredOn { get; set; }

    public DateOnly? LeftOn { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A workshop's subsidy granted for a year: at most one per workshop and year.</summary>
public sealed class WorkshopSubsidyGrant
{
    public Guid WorkshopId { get; set; }

    public int Year { get; set; }

    public int PoorEmployees { get; set; }

    public long PerEmployeeFen { get; set; }

    public long AmountFen { get; set; }

    public required string GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}

internal sealed class WorkshopConfiguration :
    IEntityTypeConfiguration<Workshop>, IEntityTypeConfiguration<WorkshopEmployee>, IEntityTypeConfiguration<WorkshopSubsidyGrant>
{
    public void Configure(EntityTypeBuilder<Workshop> e)
    {
        e.ToTable("Workshops");
        e.HasKey(w => w.Id);
        e.Property(w => w.Id).ValueGeneratedNever();
        e.Property(w => w.Name).HasMaxLength(100);
        e.Property(w => w.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.Property(w => w.OperatorName).HasMaxLength(100);
        e.Property(w => w.RegisteredBy).HasMaxLength(128);
        e.HasIndex(w => w.VillageCode);
    }

    public void Configure(EntityTypeBuilder<WorkshopEmployee> e)
    {
        e.ToTable("WorkshopEmployees");
        e.HasKey(w => w.Id);
        e.Property(w => w.Id).ValueGeneratedNever();
        e.HasOne<Workshop>().WithMany().HasForeignKey(w => w.WorkshopId);
        e.HasIndex(w => new { w.WorkshopId, w.LabourerId });
    }

    public void Configure(EntityTypeBuilder<WorkshopSubsidyGrant> e)
    {
        e.ToTable("WorkshopSubsidyGrants");
        e.HasKey(g => new { g.WorkshopId, g.Year });
        e.HasOne<Workshop>().WithMany().HasForeignKey(g => g.WorkshopId);
        e.Property(g => g.GrantedBy).HasMaxLength(128);
    }
}
