using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Platform.Security;
using Case = Platform.HouseholdRegistry.Identification.Case;
using Helper = Platform.HouseholdRegistry.Helpers.Helper;
using HelperPairing = Platform.HouseholdRegistry.Helpers.HelperPairing;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>
/// Everything one planned household brings to the database: the household with its members, its
/// cases (steps and notices inside), its helper when it is the first of the helper's three, its
/// pairing, and its events in the order a real registration publishes them.
/// </summary>
public sealed record DemoRows(Household Household, IReadOnlyList<Case> Cases, Helper? Helper, HelperPairing? Pairing, IReadOnlyList<OutboxMessage> Events);

/// <summary>
/// Builds a planned household's rows in memory through the registry's own model and case procedure;
/// no database is touched, so the writer can insert them in bulk or hand them to EF.
/// </summary>
public sealed class DemoRowsBuilder(PersonalDataProtector protector, RegistryPolicy policies, IReadOnlyList<DemoHelper> helpers, DateTime now)
{
    public DemoRows Build(DemoHousehold planned)
    {
        var policy = policies.For(now);
        var appliedAt = planned.Stage is DemoStage.Registered or DemoStage.Exited or DemoStage.ExitOnNotice
            ? now.AddYears(-2).AddDays(-(planned.Ordinal % 300))
            : now - DemoCases.Duration(planned.Stage, policy) - TimeSpan.FromHours(1 + planned.Ordinal % 40);
        var household = new Household
        {
            Id = DemoSeeder.HouseholdId(planned.Ordinal),
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
        var key = household.Id.ToString();
        var events = new List<OutboxMessage> { Outbox.NewRow(household.ToApplied(), key, now) };
        var (cases, completions) = DemoCases.Drive(household, planned.Stage, now, policy);
        foreach (var completion in completions)
        {
            // Outbox rows are typed by the event's static type, so each kind is named here.
            switch (completion)
            {
                case StepOutcome.Registered registered:
                    events.Add(Outbox.NewRow(registered.Event, key, now));
                    break;
                case StepOutcome.Exited exited:
                    events.Add(Outbox.NewRow(exited.Event, key, now));
                    break;
            }
        }

        var planHelper = helpers[planned.HelperIndex];
        var helper = planned.Ordinal % 3 == 0 ? NewHelper(planned.HelperIndex, planHelper, household.AppliedAt) : null;
        HelperPairing? pairing = null;
        if (household.Status != HouseholdStatus.Rejected)
        {
            pairing = PairWithHelper(household, planned.HelperIndex, planHelper, events);
        }

        if (household.RegisteredAt is not null)
        {
            household.CurrentIncomePerCapitaFen = planned.CurrentIncomePerCapitaFen;
            household.CurrentIncomeYear = now.Year - 1;
        }

        return new DemoRows(household, cases, helper, pairing, events);
    }

    /// <summary>Each helper is registered with the first of its three households, so a resumed run registers it once.</summary>
    private Helper NewHelper(int index, DemoHelper planned, DateTime at) => new()
    {
        Id = DemoSeeder.HelperId(index),
        Name = planned.Name,
        WorkUnit = planned.WorkUnit,
        PhoneCipher = protector.Encrypt(planned.Phone),
        RegionCode = planned.VillageCode[..6] + "000000",
        RegisteredAt = at,
    };

    /// <summary>结对帮扶: the household's helper, from the day after it applied.</summary>
    private HelperPairing PairWithHelper(Household household, int index, DemoHelper planned, List<OutboxMessage> events)
    {
        var helperId = DemoSeeder.HelperId(index);
        var from = household.AppliedAt.AddDays(1);
        household.HelperId = helperId;
        events.Add(Outbox.NewRow(new HelperAssigned(household.Id, household.RegionCode, helperId, planned.Name, planned.WorkUnit, from), household.Id.ToString(), now));
        return new HelperPairing { HelperId = helperId, HouseholdId = household.Id, From = from };
    }

    /// <summary>A planned member as the filing code makes one; the plan's IDs are valid by construction.</summary>
    private Member NewMember(MemberInput input, int position)
    {
        NationalId.Check(input.NationalId, DateOnly.MaxValue, out var id);
        return HouseholdFiling.NewMember(new ValidMember(input, id), position, protector.LookupHash(id.Normalized), protector);
    }
}
