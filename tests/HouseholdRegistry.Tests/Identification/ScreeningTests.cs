using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>五不录 at application and on cross-checked facts, and the county's override.</summary>
public sealed class ScreeningTests
{
    private static Fact Vehicle(FactSource source) => new() { Present = true, Source = source, Evidence = "公安车辆登记 皖N·12345" };

    [Fact]
    public async Task A_hit_at_application_excludes_and_only_a_county_officer_overrides_it_visibly()
    {
        await using var h = new IdentificationHarness();
        var request = Applications.Household(Seeded.Qilipeng);
        request.Facts.OwnsMotorVehicle = Vehicle(FactSource.Declared);

        var (household, @case) = await h.ApplyAsync(request);

        Assert.Equal(CaseOutcome.Excluded, @case.Outcome);
        Assert.Equal(["owns_motor_vehicle"], @case.ExcludedRules);
        Assert.Contains("皖N·12345", @case.ClosingReason);
        Assert.Equal(HouseholdStatus.Rejected, household.Status);

        var overrideRequest = new OverrideExclusionRequest { CaseId = @case.CaseId, Reason = "车辆为残疾人代步车, 已核实" };
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, h.Cases.OverrideExclusionAsync(overrideRequest, h.Township));
        var short_ = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, h.Cases.OverrideExclusionAsync(new OverrideExclusionRequest { CaseId = @case.CaseId, Reason = "代步车" }, h.County));
        Assert.Equal("reason", RpcAssert.InvalidField(short_));

        @case = (await h.Cases.OverrideExclusionAsync(overrideRequest, h.County)).Case;
        Assert.Equal((CaseOutcome.Open, CaseStage.GroupAppraisal, true), (@case.Outcome, @case.Stage, @case.ScreeningOverridden));
        Assert.Equal(StepDecision.Override, @case.Steps[^1].Decision);

        var file = (await h.Registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, h.County)).Household;
        Assert.Equal(HouseholdStatus.Applied, file.Status);
        Assert.Equal(("county.wu", overrideRequest.Reason), (file.ScreeningOverride.By, file.ScreeningOverride.Reason));
        Assert.Equal(["owns_motor_vehicle"], file.ScreeningOverride.OverriddenRules);

        var cases = await h.Cases.ListCasesAsync(new ListCasesRequest { RegionCode = Seeded.Qilipeng }, h.County);
        Assert.True(Assert.Single(cases.Cases, c => c.CaseId == @case.CaseId).ScreeningOverridden);
        var audit = await h.Registry.QueryAsync(db => db.AuditRecords.Where(a => a.Action == "household.screening_override" && a.EntityId == household.HouseholdId).ToListAsync());
        Assert.Equal("county.wu", Assert.Single(audit).Actor);

        // The override covers the vehicle; the case carries on through the workflow.
        await h.AppraiseAsync(@case.CaseId);
    }

    [Fact]
    public async Task Cross_checked_facts_exclude_an_open_case_and_an_override_fails_when_a_member_moved_on()
    {
        await using var h = new IdentificationHarness();
        var request = Applications.Household(Seeded.Qilipeng);
        var (household, @case) = await h.ApplyAsync(request);
        await h.AppraiseAsync(@case.CaseId);

        var declared = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, h.Cases.RecordCheckedFactsAsync(new RecordCheckedFactsRequest
        {
            HouseholdId = household.HouseholdId, Facts = new HouseholdFacts { OwnsMotorVehicle = Vehicle(FactSource.Declared) },
        }, h.County));
        Assert.Equal("facts.owns_motor_vehicle.source", RpcAssert.InvalidField(declared));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, h.Cases.RecordCheckedFactsAsync(new RecordCheckedFactsRequest
        {
            HouseholdId = household.HouseholdId, Facts = new HouseholdFacts { OwnsMotorVehicle = Vehicle(FactSource.CrossChecked) },
        }, h.Village));

        var result = await h.Cases.RecordCheckedFactsAsync(new RecordCheckedFactsRequest
        {
            HouseholdId = household.HouseholdId, Facts = new HouseholdFacts { OwnsMotorVehicle = Vehicle(FactSource.CrossChecked) },
        }, h.Registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu, "public-security"));

        var hit = Assert.Single(result.Hits);
        Assert.Equal(("owns_motor_vehicle", FactSource.CrossChecked), (hit.Rule, hit.Source));
        Assert.Equal((CaseOutcome.Excluded, CaseStage.VillageReview), (result.Case.Outcome, result.Case.Stage));
        Assert.Equal(request.Facts.LivesInDangerousHouse, result.Facts.LivesInDangerousHouse);

        var (again, _) = await h.ApplyAsync(request.Clone());
        Assert.NotEqual(household.HouseholdId, again.HouseholdId);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, h.Cases.OverrideExclusionAsync(
            new OverrideExclusionRequest { CaseId = @case.CaseId, Reason = "车辆已于上月报废注销" }, h.County));
    }
}
