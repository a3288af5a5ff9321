using Pa.Common.V1;
using Pa.Relocation.V1;
using Platform.ServiceDefaults;

namespace Platform.Relocation.Tests.Plans;

/// <summary>Requests of the relocation calls.</summary>
public static class PlanCalls
{
    public static RelocationService.RelocationServiceClient Relocations(this RelocationFactory service) => service.Client<RelocationService.RelocationServiceClient>();

    public static PlanRelocationRequest Plan(TestHousehold household, Site site, string unitNumber) => new()
    {
        HouseholdId = household.Id.ToString(),
        Reason = RelocationReason.UnlivableConditions,
        SiteId = site.SiteId,
        UnitId = site.Units.Single(u => u.Number == unitNumber).UnitId,
        Subsidy = new Money { Fen = 6_000_000 },
        PlannedMoveOn = new DateOnly(2026, 6, 1).ToProto(),
    };

    public static RecordMoveInRequest MoveIn(TestHousehold household, DateOnly on) => new() { HouseholdId = household.Id.ToString(), MovedInOn = on.ToProto() };

    public static RecordHomesteadReclaimedRequest Reclaimed(TestHousehold household, DateOnly on, string evidence = "Acceptance 2026-017") =>
        new() { HouseholdId = household.Id.ToString(), ReclaimedOn = on.ToProto(), Evidence = evidence };

    public static GetRelocationRequest Get(TestHousehold household) => new() { HouseholdId = household.Id.ToString() };
}
