using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdReplica;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Households;
using Platform.Relocation.Plans;
using Platform.Relocation.Sites;

namespace Platform.Benchmarks.Relocation;

/// <summary>
/// Writes, through the service's own context, what registry events and the plan calls would have
/// built: one site with a unit per family, and each family registered (2–3 members with labour),
/// planned, moved in, without a job and so with an open zero-employment case, 1,000 families per
/// transaction.
/// </summary>
public static class FamilySeeder
{
    public const string SiteRegion = "341522100000";
    public const string CaseOfficer = "benchmark-officer";

    public static async Task<(Guid SiteId, List<BenchFamily> Families)> SeedAsync(IServiceProvider services, int count, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var site = new Site
        {
            Id = Guid.CreateVersion7(),
            Name = "Benchmark resettlement site",
            RegionCode = SiteRegion,
            Type = SiteType.CentralisedTown,
            CapacityHouseholds = count,
            CapacityPeople = count * 3,
            Services = new PublicServices { School = true, Clinic = true, CommunityServiceCentre = true, EmploymentServiceStation = true },
            CaseOfficerSubject = CaseOfficer,
            CaseOfficerName = CaseOfficer,
            CreatedAt = now,
            CreatedBy = "benchmark",
        };
        site.Industries.Add(new SiteIndustry { Id = Guid.CreateVersion7(), SiteId = site.Id, Name = "Garment workshop", AddedAt = now });
        await InScopeAsync(services, db => db.Add(site));

        var families = new List<BenchFamily>(count);
        for (var start = 0; start < count; start += 1000)
        {
            await InScopeAsync(services, db =>
            {
                for (var i = start; i < Math.Min(count, start + 1000); i++)
                {
                    var family = new BenchFamily(new Guid($"00000000-0000-7000-8000-{i:x12}"), $"341522{101 + i % 20:000}{201 + i / 20 % 15:000}",
                        [.. Enumerable.Range(0, 2 + i % 2).Select(m => new Guid($"{m:x8}-0000-7000-8001-{i:x12}"))]);
                    families.Add(family);
                    Add(db, site, family, i, now, today);
                }
            });
        }

        return (site.Id, families);
    }

    private static void Add(RelocationDbContext db, Site site, BenchFamily family, int index, DateTime now, DateOnly today)
    {
        var household = new RelocatedHousehold
        {
            Id = family.Id,
            RegionCode = family.RegionCode,
            Pathway = "Relocation",
            Status = HouseholdStatus.Registered,
            StatusAsOf = now.AddYears(-1),
            MembersAsOf = now.AddYears(-1),
        };
        household.Members.AddRange(family.Members.Select((id, m) => new RelocatedMember
        {
            Id = id,
            HouseholdId = family.Id,
            BirthDate = today.AddYears(-(25 + (index + m * 7) % 30)),
            LabourCapacity = m == 2 ? LabourCapacity.Weak : LabourCapacity.Normal,
        }));
        var unit = new HousingUnit { Id = Guid.CreateVersion7(), SiteId = site.Id, Number = $"{1 + index / 100}-{index % 100:000}", AreaSqm = 75m, HouseholdId = family.Id };
        var plan = new RelocationPlan
        {
            HouseholdId = family.Id,
            OriginRegionCode = family.RegionCode,
            Reason = RelocationReason.UnlivableConditions,
            SiteId = site.Id,
            SiteRegionCode = site.RegionCode,
            UnitId = unit.Id,
            People = family.Members.Count,
            AreaSqm = unit.AreaSqm,
            SubsidyFen = 6_000_000,
            PlannedMoveOn = today.AddMonths(-2),
            Stage = RelocationStage.MovedIn,
            MovedInOn = today.AddMonths(-1),
            PlannedBy = "benchmark",
            PlannedAt = now.AddMonths(-2),
            UpdatedAt = now.AddMonths(-1),
            MembersSeekingWork = family.Members.Count,
            IsZeroEmployment = true,
            FollowUpAsOf = now.AddMonths(-1),
        };
        var open = new FollowUpCase
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = family.Id,
            SiteId = site.Id,
            SiteRegionCode = site.RegionCode,
            OpenedAt = now.AddMonths(-1),
            AssignedTo = CaseOfficer,
            AssigneeName = CaseOfficer,
            AssignedAt = now.AddMonths(-1),
        };
        db.AddRange(household, unit, plan, open);
    }

    private static async Task InScopeAsync(IServiceProvider services, Action<RelocationDbContext> add)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelocationDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    /// <summary>Checks each family's follow-up against what its events imply.</summary>
    public static async Task<FinalCheck> CheckAsync(IServiceProvider services, IReadOnlyList<BenchFamily> families)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelocationDbContext>();
        var plans = await db.Set<RelocationPlan>().AsNoTracking().ToDictionaryAsync(p => p.HouseholdId, p => (p.MembersEmployed, p.IsZeroEmployment));
        var openCases = await db.Set<FollowUpCase>().AsNoTracking().Where(c => c.ClosedAt == null)
            .GroupBy(c => c.HouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var runningJobs = (await db.Set<MemberJob>().AsNoTracking().Where(j => j.StartedOn != null && j.EndedOn == null).Select(j => j.HouseholdId).ToListAsync())
            .CountBy(h => h).ToDictionary(p => p.Key, p => p.Value);
        var cases = await db.Set<FollowUpCase>().CountAsync();

        int jobsWrong = 0, snapshotWrong = 0, casesWrong = 0, zero = 0;
        foreach (var family in families)
        {
            zero += family.ExpectedZeroEmployment ? 1 : 0;
            jobsWrong += runningJobs.GetValueOrDefault(family.Id) != family.ExpectedRunningJobs ? 1 : 0;
            snapshotWrong += plans[family.Id] != (family.ExpectedEmployed.Count, family.ExpectedZeroEmployment) ? 1 : 0;
            casesWrong += openCases.GetValueOrDefault(family.Id) != (family.ExpectedZeroEmployment ? 1 : 0) ? 1 : 0;
        }

        return new FinalCheck(families.Count, zero, jobsWrong, snapshotWrong, casesWrong, cases);
    }
}

/// <summary>How many families' running jobs, plan snapshot (MembersEmployed, IsZeroEmployment) and open cases differ from what their events imply.</summary>
public sealed record FinalCheck(int Families, int ExpectedZeroEmployment, int JobsWrong, int SnapshotWrong, int OpenCasesWrong, int CasesInAll)
{
    public bool Passed => JobsWrong == 0 && SnapshotWrong == 0 && OpenCasesWrong == 0;
}
