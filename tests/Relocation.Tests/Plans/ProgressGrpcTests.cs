using Grpc.Core;
using Pa.Relocation.V1;
using Platform.Relocation.Contracts;
using Platform.Relocation.Tests.Sites;
using Platform.ServiceDefaults;
using static Platform.Relocation.Tests.Plans.PlanCalls;

namespace Platform.Relocation.Tests.Plans;

/// <summary>The move-in with its event and follow-up, the homestead's reclamation, and the listings by stage.</summary>
public sealed class ProgressGrpcTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private RelocationService.RelocationServiceClient Relocations => service.Relocations();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private async Task<TestHousehold> PlannedAsync(HouseholdBuilder builder)
    {
        var household = await builder.RegisterAsync();
        // 25 m²: within the standard for any family of one or more.
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("1-101", 2500));
        await Relocations.PlanRelocationAsync(Plan(household, site, "1-101"), County);
        return household;
    }

    [Fact]
    public async Task Moving_in_publishes_HouseholdMovedIn_once_and_opens_the_zero_employment_case_at_once()
    {
        var household = await PlannedAsync(service.Household().Head().Child());
        var movedInOn = service.Today.AddDays(-1);

        var moved = (await Relocations.RecordMoveInAsync(MoveIn(household, movedInOn), County)).Relocation;
        Assert.Equal((RelocationStage.MovedIn, movedInOn.Day), (moved.Stage, moved.MovedInOn.Day));
        Assert.Equal((1, 0, true), (moved.FollowUp.MembersSeekingWork, moved.FollowUp.MembersEmployed, moved.FollowUp.ZeroEmployment));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.RecordMoveInAsync(MoveIn(household, movedInOn), County));

        var movedIn = Assert.Single(await service.OutboxEventsAsync<HouseholdMovedIn>(household.Id));
        Assert.Equal((movedInOn, TestRegions.Village, TestRegions.Township), (movedIn.MovedInOn, movedIn.OriginRegionCode, movedIn.SiteRegionCode));
        var opened = Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(household.Id));
        Assert.Equal([household.Head.MemberId], opened.MembersSeekingWork);
    }

    [Fact]
    public async Task A_family_without_labour_moves_in_without_a_case()
    {
        var household = await PlannedAsync(service.Household().Head("None"));

        var moved = (await Relocations.RecordMoveInAsync(MoveIn(household, service.Today), County)).Relocation;
        Assert.False(moved.FollowUp.ZeroEmployment);
        Assert.Single(await service.OutboxEventsAsync<HouseholdMovedIn>(household.Id));
        Assert.Empty(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(household.Id));
    }

    [Fact]
    public async Task A_move_in_date_may_precede_the_plan_but_not_lie_in_the_future()
    {
        var household = await PlannedAsync(service.Household().Head());

        Assert.Equal("moved_in_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.RecordMoveInAsync(MoveIn(household, service.Today.AddDays(1)), County))));
        Assert.Equal("household_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.RecordMoveInAsync(new RecordMoveInRequest { HouseholdId = "x", MovedInOn = service.Today.ToProto() }, County))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.RecordMoveInAsync(MoveIn(household, service.Today), service.CountyOfficer(TestRegions.OtherCounty)));
        Assert.Empty(await service.OutboxEventsAsync<HouseholdMovedIn>(household.Id));
        await Relocations.RecordMoveInAsync(MoveIn(household, new DateOnly(2026, 1, 15)), County);
    }

    [Fact]
    public async Task The_homestead_is_reclaimed_after_the_move_with_evidence_and_not_before()
    {
        var household = await PlannedAsync(service.Household().Head());
        var village = service.VillageOfficer(TestRegions.Village);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today), village));
        await Relocations.RecordMoveInAsync(MoveIn(household, service.Today.AddDays(-10)), County);
        Assert.Equal("reclaimed_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today.AddDays(-11)), village))));
        // The contract refuses the evidence's length before the handler sees the future date; then the handler refuses the date.
        Assert.Equal("evidence", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today.AddDays(1), new string('x', 501)), village))));
        Assert.Equal("reclaimed_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today.AddDays(1)), village))));
        Assert.Equal("evidence", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today, "  "), village))));

        var reclaimed = (await Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today.AddDays(-10)), village)).Relocation;
        Assert.Equal((RelocationStage.HomesteadReclaimed, "Acceptance 2026-017"), (reclaimed.Stage, reclaimed.ReclamationEvidence));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today), village));
    }

    [Fact]
    public async Task Relocations_are_listed_by_region_and_stage_and_read_with_their_site_and_unit()
    {
        const string village = "341522100221";
        var planned = await PlannedAsync(service.Household(village).Head());
        var moved = await PlannedAsync(service.Household(village).Head());
        await Relocations.RecordMoveInAsync(MoveIn(moved, service.Today), County);

        var all = await Relocations.ListRelocationsAsync(new ListRelocationsRequest { RegionCode = village, Side = RelocationSide.Origin, Page = new() { PageSize = 1 } }, County);
        Assert.Equal((2, 1), (all.Page.TotalSize, all.Relocations.Count));
        Assert.NotEqual("", all.Page.NextPageToken);
        var onlyMoved = await Relocations.ListRelocationsAsync(new ListRelocationsRequest { RegionCode = village, Stage = RelocationStage.MovedIn }, County);
        Assert.Equal([moved.Id.ToString()], onlyMoved.Relocations.Select(r => r.HouseholdId));
        Assert.Empty((await Relocations.ListRelocationsAsync(new ListRelocationsRequest { RegionCode = village, Side = RelocationSide.Destination }, County)).Relocations);
        Assert.Equal("stage", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.ListRelocationsAsync(new ListRelocationsRequest { Stage = (RelocationStage)9 }, County))));

        var read = (await Relocations.GetRelocationAsync(Get(planned), County)).Relocation;
        Assert.Equal(("1-101", RelocationStage.Planned), (read.UnitNumber, read.Stage));
        Assert.Null(read.MovedInOn);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.GetRelocationAsync(Get(planned), service.CountyOfficer(TestRegions.OtherCounty)));
    }
}
