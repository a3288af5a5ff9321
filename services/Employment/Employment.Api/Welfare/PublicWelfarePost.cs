using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Welfare;

/// <summary>A public-welfare post (公益性岗位) of a village's catalogue, e.g. road cleaner or forest ranger (护林员).</summary>
public sealed class PublicWelfarePost
{
    public Guid Id { get; set; }

    public required string VillageCode { get; set; }

    public required string Title { get; set; }

    public PostPayBasis PayBasis { get; set; }

    /// <summary>Whole fen per day or per task.</summary>
    public long RateFen { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A labourer on a post; <see cref="VillageCode"/> is the post's, copied for region-scoped queries.</summary>
public sealed class PostAssignment
{
    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public required string VillageCode { get; set; }

    public Guid LabourerId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public DateTime RecordedAt { get; set; }

    public bool ActiveBetween(DateOnly first, DateOnly last) => StartedOn <= last && (EndedOn is null || EndedOn >= first);
}

/// <summary>Days or tasks worked on a date; one row per assignment and date, replaced by a correction.</summary>
public sealed class PostAttendance
{
    public Guid AssignmentId { get; set; }

    public DateOnly WorkedOn { get; set; }

    public int Quantity { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>The pay of one assignment for one month, as the latest payroll run computed it.</summary>
public sealed class PostPayslip
{
    public Guid AssignmentId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public Guid PostId { get; set; }

    public required string VillageCode { get; set; }

    public Guid LabourerId { get; set; }

    public Guid HouseholdId { get; set; }

    public PostPayBasis PayBasis { get; set; }

    public int Units { get; set; }

    public long RateFen { get; set; }

    public long GrossFen { get; set; }

    public long AmountFen { get; set; }

    public bool Capped { get; set; }

    /// <summary>WagesPaid's payment id, <see cref="PaymentIds.ForPostPay"/> of the assignment and month.</summary>
    public Guid PaymentId { get; set; }

    public DateTime ComputedAt { get; set; }
}

internal sealed class PublicWelfarePostConfiguration :
    IEntityTypeConfiguration<PublicWelfarePost>, IEntityTypeConfiguration<PostAssignment>,
    IEntityTypeConfiguration<PostAttendance>, IEntityTypeConfiguration<PostPayslip>
{
    public void Configure(EntityTypeBuilder<PublicWelfarePost> e)
    {
        e.ToTable("PublicWelfarePosts");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.Property(p => p.Title).HasMaxLength(100);
        e.Property(p => p.PayBasis).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.CreatedBy).HasMaxLength(128);
        e.HasIndex(p => p.VillageCode);
    }

    public void Configure(EntityTypeBuilder<PostAssignment> e)
    {
        e.ToTable("PostAssignments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.HasOne<PublicWelfarePost>().WithMany().HasForeignKey(a => a.PostId);
        e.HasIndex(a => new { a.PostId, a.LabourerId });
        e.HasIndex(a => a.VillageCode);
    }

    public void Configure(EntityTypeBuilder<PostAttendance> e)
    {
        e.ToTable("PostAttendance");
        e.HasKey(a => new { a.AssignmentId, a.WorkedOn });
        e.HasOne<PostAssignment>().WithMany().HasForeignKey(a => a.AssignmentId);
        e.Property(a => a.RecordedBy).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<PostPayslip> e)
    {
        e.ToTable("PostPayslips");
        e.HasKey(p => new { p.AssignmentId, p.Year, p.Month });
        e.HasOne<PostAssignment>().WithMany().HasForeignKey(p => p.AssignmentId);
        e.Property(p => p.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.Property(p => p.PayBasis).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(p => new { p.VillageCode, p.Year, p.Month });
        e.HasIndex(p => p.PaymentId).IsUnique();

        // A run replaces the amount it read: of two runs of one month at once, only one can publish a correction.
        e.Property(p => p.AmountFen).IsConcurrencyToken();
    }
}
