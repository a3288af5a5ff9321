using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Households;

/// <summary>
/// A household file (建档立卡户). Enum columns hold the contract's enum numbers, which never
/// change meaning (contracts change additively only).
/// </summary>
public sealed class Household
{
    /// <summary>Internal ascending key: newest-first listing and paging use it.</summary>
    public long Seq { get; set; }

    public Guid Id { get; set; }

    /// <summary>The village (村) code.</summary>
    public required string RegionCode { get; set; }

    public string Address { get; set; } = "";

    public HouseholdStatus Status { get; set; }

    public PovertyCause PrimaryCause { get; set; }

    public List<PovertyCause> OtherCauses { get; set; } = [];

    public long DeclaredIncomePerCapitaFen { get; set; }

    public DateTime AppliedAt { get; set; }

    public required string AppliedBy { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime? ExitedAt { get; set; }

    /// <summary>Last day of the post-exit support period (脱贫不脱政策).</summary>
    public DateOnly? SupportUntil { get; set; }

    public int? PlannedExitYear { get; set; }

    public AssistancePathway Pathway { get; set; }

    public MonitoringCategory MonitoringCategory { get; set; } = MonitoringCategory.None;

    public long? IncomePerCapitaAtRegistrationFen { get; set; }

    /// <summary>Per-capita net income of <see cref="CurrentIncomeYear"/>, kept current by the income records.</summary>
    public long? CurrentIncomePerCapitaFen { get; set; }

    public int? CurrentIncomeYear { get; set; }

    /// <summary>The responsible helper cadre (帮扶责任人), if paired.</summary>
    public Guid? HelperId { get; set; }

    /// <summary>Declared and cross-checked facts the screening rules read; stored as the contract's JSON so new facts need no migration.</summary>
    public HouseholdFacts Facts { get; set; } = new();

    /// <summary>Year of the pre-exit mark (预脱贫标注), if marked; an exit case needs the mark of its year.</summary>
    public int? PreExitMarkedYear { get; set; }

    /// <summary>Optimistic concurrency: two officers acting on one household at once cannot both win.</summary>
    public int Version { get; set; }

    public List<Member> Members { get; set; } = [];

    /// <summary>A county officer's override of a 五不录 exclusion, if any; stored as the contract's JSON.</summary>
    public ScreeningOverride? ScreeningOverride { get; set; }

    /// <summary>六优先 flags as a bitmask (bit n for Priority n), kept current by <c>HouseholdScreening.Refresh</c>.</summary>
    public int PriorityFlags { get; set; }

    /// <summary>How many 六优先 flags hold: candidate lists are ordered by it.</summary>
    public int PriorityCount { get; set; }

    /// <summary>A close relative is a cadre or public-finance staff: the household is on the filing list (备案登记).</summary>
    public bool ConflictOfInterest { get; set; }

    /// <summary>Last-known guarantee status from the assistance service; null until it has reported.</summary>
    public Monitoring.GuaranteeSnapshot? Guarantees { get; set; }

    /// <summary>The import batch that migrated this household, if any; with <see cref="ImportPosition"/> it makes a resent batch skip what it already wrote.</summary>
    public string? ImportBatchId { get; set; }

    /// <summary>0-based position of the household in its import batch.</summary>
    public long? ImportPosition { get; set; }
}

/// <summary>A member of a household. The national ID is kept encrypted and found by its keyed hash.</summary>
public sealed class Member
{
    public Guid Id { get; set; }

    public long HouseholdSeq { get; set; }

    /// <summary>Order on the application form (the head first as filed); members are always shown in this order.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    public required string NationalIdCipher { get; set; }

    public required string NationalIdHash { get; set; }

    public Relationship Relationship { get; set; }

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public HealthStatus Health { get; set; }

    public int DisabilityGrade { get; set; }

    public LabourCapacity LabourCapacity { get; set; }

    public SchoolingStatus Schooling { get; set; }

    /// <summary>One person may be an active member of one household only.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>When the member left the household (death, marriage out, moving out); kept as history, never shown as a current member.</summary>
    public DateTime? RemovedAt { get; set; }

    public MemberRemovalReason RemovalReason { get; set; }

    public string RemovalNote { get; set; } = "";
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.ToTable("Households");
        e.HasKey(h => h.Seq);
        e.HasIndex(h => h.Id).IsUnique();
        e.Property(h => h.RegionCode).HasMaxLength(12);
        e.Property(h => h.Address).HasMaxLength(200);
        e.Property(h => h.AppliedBy).HasMaxLength(128);
        e.Property(h => h.OtherCauses)
            .HasConversion(
                v => string.Join(',', v.Select(c => (int)c)),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => (PovertyCause)int.Parse(c)).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<PovertyCause>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)), v => v.ToList()))
            .HasMaxLength(64);
        e.HasIndex(h => new { h.RegionCode, h.Seq });
        e.HasIndex(h => new { h.RegionCode, h.Status });
        e.Property(h => h.Version).IsConcurrencyToken();
        e.Property(h => h.Facts)
            .HasConversion(
                v => Google.Protobuf.JsonFormatter.Default.Format(v),
                v => HouseholdFacts.Parser.ParseJson(v),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<HouseholdFacts>(
                    (a, b) => Equals(a, b), v => v.GetHashCode(), v => v.Clone()))
            .HasColumnName("FactsJson");
        e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdSeq).OnDelete(DeleteBehavior.Cascade);
        e.Property(h => h.ScreeningOverride)
            .HasConversion(
                v => Google.Protobuf.JsonFormatter.Default.Format(v!),
                v => ScreeningOverride.Parser.ParseJson(v),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<ScreeningOverride?>(
                    (a, b) => Equals(a, b), v => v == null ? 0 : v.GetHashCode(), v => v == null ? null : v.Clone()))
            .HasColumnName("ScreeningOverrideJson");
        e.OwnsOne(h => h.Guarantees, Monitoring.GuaranteeSnapshot.Configure);
        e.Property(h => h.ImportBatchId).HasMaxLength(64);
        e.HasIndex(h => new { h.ImportBatchId, h.ImportPosition }).IsUnique();
    }
}

internal sealed class MemberConfiguration(string activeFilter) : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.ToTable("Members");
        e.HasKey(m => m.Id);
        e.Property(m => m.Name).HasMaxLength(50);
        e.Property(m => m.NationalIdCipher).HasMaxLength(128);
        e.Property(m => m.NationalIdHash).HasMaxLength(64);
        e.Property(m => m.RemovalNote).HasMaxLength(200);
        e.HasIndex(m => m.NationalIdHash, "IX_Members_ActiveNationalId").IsUnique().HasFilter(activeFilter);
    }
}
