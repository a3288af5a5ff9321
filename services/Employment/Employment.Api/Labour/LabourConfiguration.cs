using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Labour;

internal sealed class LabourConfiguration :
    IEntityTypeConfiguration<LabourSkill>, IEntityTypeConfiguration<LabourTraining>, IEntityTypeConfiguration<JobWish>,
    IEntityTypeConfiguration<EmploymentRecord>, IEntityTypeConfiguration<MonthlyEarning>, IEntityTypeConfiguration<TransportSubsidy>
{
    public void Configure(EntityTypeBuilder<LabourSkill> e)
    {
        e.ToTable("LabourSkills");
        e.HasKey(s => s.Id);
        e.Property(s => s.Name).HasMaxLength(LabourValidation.MaxName);
        e.Property(s => s.RecordedBy).HasMaxLength(128);
        e.HasIndex(s => new { s.MemberId, s.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LabourTraining> e)
    {
        e.ToTable("LabourTrainings");
        e.HasKey(t => t.Id);
        e.Property(t => t.Course).HasMaxLength(LabourValidation.MaxName);
        e.Property(t => t.Provider).HasMaxLength(LabourValidation.MaxName);
        e.Property(t => t.Certificate).HasMaxLength(LabourValidation.MaxName);
        e.Property(t => t.RecordedBy).HasMaxLength(128);
        e.HasIndex(t => t.MemberId);
    }

    public void Configure(EntityTypeBuilder<JobWish> e)
    {
        e.ToTable("JobWishes");
        e.HasKey(w => w.MemberId);
        e.Property(w => w.MemberId).ValueGeneratedNever();
        e.Property(w => w.PreferredWork).HasMaxLength(LabourValidation.MaxName);
        e.Property(w => w.Place).HasConversion<string>().HasMaxLength(16);
        e.Property(w => w.RecordedBy).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<EmploymentRecord> e)
    {
        e.ToTable("Employments");
        e.HasKey(j => j.Id);
        e.Property(j => j.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(j => j.Type).HasConversion<string>().HasMaxLength(32);
        e.Property(j => j.Employer).HasMaxLength(LabourValidation.MaxName);
        e.Property(j => j.RecordedBy).HasMaxLength(128);
        e.Ignore(j => j.IsRunning);
        e.HasIndex(j => j.MemberId);
        e.HasIndex(j => j.HouseholdId);
        e.HasIndex(j => j.RegionCode);
    }

    public void Configure(EntityTypeBuilder<MonthlyEarning> e)
    {
        e.ToTable("MonthlyEarnings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.RecordedBy).HasMaxLength(128);
        e.HasIndex(m => new { m.EmploymentId, m.Year, m.Month }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TransportSubsidy> e)
    {
        e.ToTable("TransportSubsidies");
        e.HasKey(s => s.Id);
        e.Property(s => s.GrantedBy).HasMaxLength(128);
        // One subsidy per job and year: the index also stops two concurrent grants.
        e.HasIndex(s => new { s.EmploymentId, s.Year }).IsUnique();
    }
}
