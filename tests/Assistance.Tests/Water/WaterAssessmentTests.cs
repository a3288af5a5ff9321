using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Security;
using static Platform.Assistance.Tests.Water.WaterRequests;

namespace Platform.Assistance.Tests.Water;

/// <summary>Officers' water assessments decide the water guarantee and tell the registry.</summary>
public sealed class WaterAssessmentTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private WaterService.WaterServiceClient Water => service.Client<WaterService.WaterServiceClient>();

    private GuaranteeService.GuaranteeServiceClient Guarantees => service.Client<GuaranteeService.GuaranteeServiceClient>();

    [Fact]
    public async Task Failing_quality_sends_water_not_met_and_a_later_assessment_meeting_all_four_sends_met()
    {
        var household = await service.Household().Head().RegisterAsync();

        var failing = await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today.AddDays(-3), quality: false), service.VillageOfficer(TestRegions.Village));

        Assert.Equal(GuaranteeState.NotMet, failing.Water.State);
        Assert.Contains("fails quality", failing.Water.Reason);
        Assert.Equal([WaterDimension.Quality], failing.Assessment.FailingDimensions);
        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal(("Unknown", "NotMet"), (events[0].Water, events[^1].Water));
        Assert.Contains(events[^1].Reasons, r => r.StartsWith("Water: fails quality", StringComparison.Ordinal));

        var fixedWater = await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today), service.VillageOfficer(TestRegions.Village));

        Assert.Equal(GuaranteeState.Met, fixedWater.Water.State);
        Assert.Equal($"water-assessment:{fixedWater.Assessment.AssessmentId}", fixedWater.Water.DecidingRecord);
        events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal(3, events.Count);
        Assert.Equal("Met", events[^1].Water);
        Assert.DoesNotContain(events[^1].Reasons, r => r.StartsWith("Water", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_older_assessment_recorded_later_does_not_override_the_latest()
    {
        var household = await service.Household().Head().RegisterAsync();
        var officer = service.VillageOfficer(TestRegions.Village);
        var latest = await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today.AddDays(-1)), officer);

        var late = await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today.AddDays(-30), reliability: false), officer);

        Assert.Equal(GuaranteeState.Met, late.Water.State);
        var listed = await Water.ListWaterAssessmentsAsync(new ListWaterAssessmentsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(latest.Assessment.AssessmentId, listed.CurrentAssessmentId);
        Assert.Equal([late.Assessment.AssessmentId, latest.Assessment.AssessmentId], listed.Assessments.Select(a => a.AssessmentId));
        Assert.Equal(95, listed.Assessments[1].Reliability.MeasuredValue);
    }

    [Fact]
    public async Task Assessments_page_and_every_read_is_audited()
    {
        var household = await service.Household().Head().RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today.AddDays(-i)), service.VillageOfficer(TestRegions.Village));
        }

        var auditor = service.As(PlatformRoles.Auditor, TestRegions.County, "auditor-1", purpose: "annual-check");
        var first = await Water.ListWaterAssessmentsAsync(new ListWaterAssessmentsRequest { HouseholdId = household.Id.ToString(), Page = new() { PageSize = 2 } }, auditor);
        var second = await Water.ListWaterAssessmentsAsync(
            new ListWaterAssessmentsRequest { HouseholdId = household.Id.ToString(), Page = new() { PageSize = 2, PageToken = first.Page.NextPageToken } }, auditor);

        Assert.Equal((2, 3), (first.Assessments.Count, first.Page.TotalSize));
        Assert.Single(second.Assessments);
        Assert.Equal("", second.Page.NextPageToken);
        Assert.Equal(3, first.Assessments.Concat(second.Assessments).Select(a => a.AssessmentId).Distinct().Count());
        var audit = await service.QueryAsync(db => db.AuditRecords.Where(a => a.EntityId == household.Id.ToString()).Select(a => new { a.Action, a.Actor, a.Purpose }).ToListAsync());
        Assert.Equal(3, audit.Count(a => a.Action == "water.assessment.record"));
        Assert.Equal(2, audit.Count(a => a is { Action: "water.assessment.read", Actor: "auditor-1", Purpose: "annual-check" }));
    }

    [Fact]
    public async Task Invalid_assessments_name_their_fields()
    {
        var household = await service.Household().Head().RegisterAsync();
        var officer = service.VillageOfficer(TestRegions.Village);

        var missing = Assessment(household.Id, service.Today);
        missing.Quality = null;
        Assert.Equal("quality", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.RecordWaterAssessmentAsync(missing, officer))));

        var future = Assessment(household.Id, service.Today.AddDays(1));
        Assert.Equal("assessed_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.RecordWaterAssessmentAsync(future, officer))));

        var negative = Assessment(household.Id, service.Today);
        negative.Quantity.MeasuredValue = -1;
        Assert.Equal("quantity.measured_value", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.RecordWaterAssessmentAsync(negative, officer))));

        var noAssessor = Assessment(household.Id, service.Today);
        noAssessor.Assessor = "  ";
        noAssessor.Convenience.Note = new string('x', 201);
        Assert.Equal("convenience.note", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.RecordWaterAssessmentAsync(noAssessor, officer))));
        noAssessor.Convenience.Note = "";
        Assert.Equal("assessor", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.RecordWaterAssessmentAsync(noAssessor, officer))));

        var badId = Assessment(household.Id, service.Today);
        badId.HouseholdId = "not-a-uuid";
        Assert.Equal("household_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.RecordWaterAssessmentAsync(badId, officer))));

        Assert.Empty(await service.QueryAsync(db => db.Set<Platform.Assistance.Water.WaterAssessment>().Where(a => a.HouseholdId == household.Id).ToListAsync()));
    }

    [Fact]
    public async Task Another_region_gets_not_found_and_readers_who_are_not_officers_may_not_record()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = Assessment(household.Id, service.Today);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.RecordWaterAssessmentAsync(request, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.RecordWaterAssessmentAsync(request, service.VillageOfficer(TestRegions.OtherVillage)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.ListWaterAssessmentsAsync(
            new ListWaterAssessmentsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Water.RecordWaterAssessmentAsync(request, service.As(PlatformRoles.Auditor, TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Water.RecordWaterAssessmentAsync(request, service.Department(Platform.Assistance.Exchange.DepartmentKind.Water)));
    }

    [Fact]
    public async Task Unsafe_households_are_listed_by_region_with_their_failing_dimensions()
    {
        const string village = "341522100211";
        var unsafeHousehold = await service.Household(village).Head().RegisterAsync();
        var safeHousehold = await service.Household(village).Head().RegisterAsync();
        var neverAssessed = await service.Household(village).Head().RegisterAsync();
        var elsewhere = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var officer = service.CountyOfficer(TestRegions.County);
        await Water.RecordWaterAssessmentAsync(Assessment(unsafeHousehold.Id, service.Today, quantity: false, convenience: false), officer);
        await Water.RecordWaterAssessmentAsync(Assessment(safeHousehold.Id, service.Today), officer);
        await Water.RecordWaterAssessmentAsync(Assessment(elsewhere.Id, service.Today, quality: false), service.CountyOfficer(TestRegions.OtherCounty));

        var listed = await Water.ListUnsafeWaterHouseholdsAsync(new ListUnsafeWaterHouseholdsRequest { RegionCode = village }, officer);

        var only = Assert.Single(listed.Households);
        Assert.Equal(unsafeHousehold.Id.ToString(), only.HouseholdId);
        Assert.Equal([WaterDimension.Quantity, WaterDimension.Convenience], only.FailingDimensions);
        Assert.Contains("fails quantity, convenience", only.Reason);
        Assert.DoesNotContain(listed.Households, h => h.HouseholdId == neverAssessed.Id.ToString());

        var county = await Water.ListUnsafeWaterHouseholdsAsync(new ListUnsafeWaterHouseholdsRequest(), officer);
        Assert.DoesNotContain(county.Households, h => h.HouseholdId == elsewhere.Id.ToString());
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.ListUnsafeWaterHouseholdsAsync(new ListUnsafeWaterHouseholdsRequest { RegionCode = TestRegions.OtherCounty }, officer));
        Assert.Equal("region_code", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Water.ListUnsafeWaterHouseholdsAsync(new ListUnsafeWaterHouseholdsRequest { RegionCode = "34" }, officer))));
    }

    [Fact]
    public async Task Coverage_counts_assessed_and_safe_households_per_region()
    {
        const string village = "341522100212";
        var officer = service.CountyOfficer(TestRegions.County);
        var safe = await service.Household(village).Head().RegisterAsync();
        var failing = await service.Household(village).Head().RegisterAsync();
        await service.Household(village).Head().RegisterAsync();
        await Water.RecordWaterAssessmentAsync(Assessment(safe.Id, service.Today), officer);
        await Water.RecordWaterAssessmentAsync(Assessment(failing.Id, service.Today, reliability: false), officer);

        var coverage = (await Guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = village }, officer)).Coverage;

        Assert.Equal((3, 2, 1), (coverage.Households, coverage.WaterAssessedHouseholds, coverage.WaterSafeHouseholds));
        Assert.Equal(33.33, coverage.WaterSafeRate);
    }
}
