using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Assets;

/// <summary>A household's quantified shares in a project's assets (折股量化到户): the basis of its dividends.</summary>
public sealed class ProjectShare
{
    public Guid ProjectId { get; set; }

    public Guid HouseholdId { get; set; }

    public long Shares { get; set; }

    public required string SetBy { get; set; }

    public DateTime SetAt { get; set; }
}

public enum DividendRunStatus
{
    Running,
    Completed,
}

/// <summary>
/// One dividend distribution of a project, identified by the caller's run key. It carries the split
/// plan fixed at its start (total shares and where the remainder fen stop) and a cursor, so a run
/// that crashed continues with the next household in the same order and pays nobody twice.
/// </summary>
public sealed class DividendRun
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public required string RunKey { get; set; }

    public int Year { get; set; }

    public long AmountFen { get; set; }

    public long TotalShares { get; set; }

    public int Households { get; set; }

    /// <summary>Households whose fractional part is above this get one remainder fen (see <see cref="DividendPlan"/>).</summary>
    public long BoundaryFraction { get; set; }

    /// <summary>At the boundary fraction, households up to this id (inclusive) get one remainder fen; Guid.Empty: none.</summary>
    public Guid BoundaryCutoff { get; set; }

    /// <summary>The last household processed, in the database's order of household ids.</summary>
    public Guid? LastHouseholdId { get; set; }

    public int ProcessedHouseholds { get; set; }

    public int PaidHouseholds { get; set; }

    public long PaidFen { get; set; }

    public DividendRunStatus Status { get; set; }

    public required string StartedBy { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Two callers continuing the same run cannot both move the cursor: the second gets a concurrency conflict.</summary>
    public int Version { get; set; }

    public DividendPlan Plan => new(AmountFen, TotalShares, BoundaryFraction, BoundaryCutoff);
}

/// <summary>A dividend paid to one household in one run; its id is the DividendPaid payment id.</summary>
public sealed class DividendPayment
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public Guid ProjectId { get; set; }

    public Guid HouseholdId { get; set; }

    public int Year { get; set; }

    public long AmountFen { get; set; }

    public DateTime PaidAt { get; set; }
}

/// <summary>An industry award or subsidy (产业奖补) granted to a household: units × the year's rate for the item.</summary>
public sealed class IndustrySubsidy
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public int Year { get; set; }

    public required string Item { get; set; }

    public int Units { get; set; }

    public long RatePerUnitFen { get; set; }

    public long AmountFen { get; set; }

    public required string GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}

/// <summary>A village collective's income of one year (村集体经济收入), with where it came from.</summary>
public sealed class CollectiveIncome
{
    public required string VillageCode { get; set; }

    public int Year { get; set; }

    public long AmountFen { get; set; }

    /// <summary>The sources as JSON (name and fen); only ever read back whole, never queried.</summary>
    public string SourcesJson { get; set; } = "[]";

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal sealed class AssetRecordsConfiguration :
    IEntityTypeConfiguration<ProjectShare>, IEntityTypeConfiguration<DividendRun>, IEntityTypeConfiguration<DividendPayment>,
    IEntityTypeConfiguration<IndustrySubsidy>, IEntityTypeConfiguration<CollectiveIncome>
{
    public void Configure(EntityTypeBuilder<ProjectShare> e)
    {
        e.ToTable("ProjectShares");
        e.HasKey(s => new { s.ProjectId, s.HouseholdId });
        e.Property(s => s.SetBy).HasMaxLength(128);
        e.HasIndex(s => s.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<DividendRun> e)
    {
        e.ToTable("DividendRuns");
        e.HasKey(r => r.Id);
        e.Property(r => r.RunKey).HasMaxLength(64);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.StartedBy).HasMaxLength(128);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.Plan);
        e.HasIndex(r => new { r.ProjectId, r.RunKey }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DividendPayment> e)
    {
        e.ToTable("DividendPayments");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.HasIndex(p => p.HouseholdId);
        e.HasIndex(p => p.RunId);
    }

    public void Configure(EntityTypeBuilder<IndustrySubsidy> e)
    {
        e.ToTable("IndustrySubsidies");
        e.HasKey(s => s.Id);
        e.Property(s => s.Item).HasMaxLength(32);
        e.Property(s => s.GrantedBy).HasMaxLength(128);
        e.HasIndex(s => s.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<CollectiveIncome> e)
    {
        e.ToTable("CollectiveIncomes");
        e.HasKey(c => new { c.VillageCode, c.Year });
        e.Property(c => c.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.Property(c => c.SourcesJson).HasMaxLength(4000);
        e.Property(c => c.RecordedBy).HasMaxLength(128);
        e.HasIndex(c => new { c.Year, c.VillageCode });
    }
}
