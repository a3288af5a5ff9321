using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Helpers;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Helper = Platform.HouseholdRegistry.Helpers.Helper;
using HelperPairing = Platform.HouseholdRegistry.Helpers.HelperPairing;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>One progress report of a seeding run.</summary>
public sealed record DemoProgress(string Phase, int Done, int Total);

/// <summary>
/// Writes a <see cref="DemoCountyPlan"/> through the registry's own model, chunk by chunk, with the
/// events a real registration would publish, so the rest of the suite sees the demo county too.
/// Household ids are derived from the plan's ordinals: a run that was cut short resumes where it
/// stopped, and a finished county is left unchanged.
/// </summary>
public sealed class DemoSeeder(RegistryDbContext db, PersonalDataProtector protector, RegistryPolicy policies, TimeProvider time)
{
    private const int ChunkSize = 1_000;

    public async IAsyncEnumerable<DemoProgress> SeedAsync(DemoCountyPlan plan, Caller caller, string purpose, string? traceId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = plan.HouseholdCount;
        if (await db.Regions.AnyAsync(r => r.Code == DemoCountyPlan.CountyCode, cancellationToken))
        {
            yield return new DemoProgress("already-seeded", total, total);
            yield break;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var helpers = plan.Helpers();
        var done = 0;
        foreach (var chunk in plan.Households(today).Chunk(ChunkSize))
        {
            var ids = chunk.Select(h => HouseholdId(h.Ordinal)).ToList();
            var existing = (await db.Households.Where(h => ids.Contains(h.Id)).Select(h => h.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var planned in chunk.Where(h => !existing.Contains(HouseholdId(h.Ordinal))))
            {
                AddHousehold(planned, helpers, now);
            }

            db.Record(caller, "demo.seed-households", "region", DemoCountyPlan.CountyCode, purpose, now, traceId);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            yield return new DemoProgress("households", done, total);
        }

        // The county's regions go in last: their presence marks a finished seeding.
        db.Regions.AddRange(plan.Regions());
        db.Record(caller, "demo.seed-regions", "region", DemoCountyPlan.CountyCode, purpose, now, traceId);
        await db.SaveChangesAsync(cancellationToken);
        yield return new DemoProgress("done", total, total);
    }

    /// <summary>A stable id per planned household, so a resumed run recognises what it already wrote.</summary>
    public static Guid HouseholdId(int ordinal) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{DemoCountyPlan.CountyCode}/household/{ordinal}")));

    /// <summary>A stable id per planned helper.</summary>
    public static Guid HelperId(int index) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{DemoCountyPlan.CountyCode}/helper/{index}")));

    private void AddHousehold(DemoHousehold planned, IReadOnlyList<DemoHelper> helpers, DateTime now)
    {
        var policy = policies.For(now);
        var appliedAt = planned.Stage is DemoStage.Registered or DemoStage.Exited or DemoStage.ExitOnNotice
            ? now.AddYears(-2).AddDays(-(planned.Ordinal % 300))
            : now - DemoCases.Duration(planned.Stage, policy) - TimeSpan.FromHours(1 + planned.Ordinal % 40);
        var household = new Household
        {
            Id = HouseholdId(planned.Ordinal),
            RegionCode = planned.VillageCode,
            Address = planned.Address,
            Status = HouseholdStatus.Applied,
            PrimaryCause = planned.PrimaryCause,
            OtherCauses = planned.OtherCauses.ToList(),
            DeclaredIncomePerCapitaFen = planned.DeclaredIncomePerCapitaFen,
            AppliedAt = appliedAt,
            AppliedBy = "demo-seeder",
            Pathway = planned.Pathway,
            PlannedExitYear = planned.PlannedExitYear,
            Members = planned.Members.Select(NewMember).ToList(),
        };

        Screening.HouseholdScreening.Refresh(household, policy);
        db.Households.Add(household);
        db.AddEvent(household.ToApplied(), household.Id.ToString(), now);
        var (cases, events) = DemoCases.Drive(household, planned.Stage, now, policy);
        db.Cases.AddRange(cases);
        foreach (var completion in events)
        {
            switch (completion)
            {
                case HouseholdRegistered registered:
                    db.AddEvent(registered, household.Id.ToString(), now);
                    break;
                case HouseholdExited exited:
                    db.AddEvent(exited, household.Id.ToString(), now);
                    break;
            }
        }

        if (planned.Ordinal % 3 == 0)
        {
            RegisterHelper(planned.HelperIndex, helpers[planned.HelperIndex], household.AppliedAt);
        }

        if (household.Status != HouseholdStatus.Rejected)
        {
            PairWithHelper(household, planned.HelperIndex, helpers[planned.HelperIndex], now);
        }

        if (household.RegisteredAt is not null)
        {
            household.CurrentIncomePerCapitaFen = planned.CurrentIncomePerCapitaFen;
            household.CurrentIncomeYear = now.Year - 1;
        }
    }

    /// <summary>Each helper is registered with the first of its three households, so a resumed run registers it once.</summary>
    private void RegisterHelper(int index, DemoHelper planned, DateTime at) => db.Helpers.Add(new Helper
    {
        Id = HelperId(index),
        Name = planned.Name,
        WorkUnit = planned.WorkUnit,
        PhoneCipher = protector.Encrypt(planned.Phone),
        RegionCode = planned.VillageCode[..6] + "000000",
        RegisteredAt = at,
    });

    /// <summary>结对帮扶: the household's helper, from the day after it applied.</summary>
    private void PairWithHelper(Household household, int index, DemoHelper planned, DateTime now)
    {
        var helperId = HelperId(index);
        var from = household.AppliedAt.AddDays(1);
        db.HelperPairings.Add(new HelperPairing { HelperId = helperId, HouseholdId = household.Id, From = from });
        household.HelperId = helperId;
        db.AddEvent(new HelperAssigned(household.Id, household.RegionCode, helperId, planned.Name, planned.WorkUnit, from), household.Id.ToString(), now);
    }

    /// <summary>A planned member as the filing code makes one; the plan's IDs are valid by construction.</summary>
    private Member NewMember(MemberInput input, int position)
    {
        NationalId.Check(input.NationalId, DateOnly.MaxValue, out var id);
        return HouseholdFiling.NewMember(new ValidMember(input, id), position, protector.LookupHash(id.Normalized), protector);
    }
}
