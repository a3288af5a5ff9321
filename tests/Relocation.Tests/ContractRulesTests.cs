using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Operations.V1;
using Pa.Relocation.V1;
using Platform.Relocation.Plans;
using Platform.Relocation.Tests.Plans;
using Platform.Relocation.Tests.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using static Platform.Relocation.Tests.Plans.PlanCalls;
using static Platform.Relocation.Tests.Sites.SiteCalls;
using HousingUnit = Platform.Relocation.Sites.HousingUnit;

namespace Platform.Relocation.Tests;

/// <summary>
/// The field rules the relocation and operations contracts declare, enforced before any handler runs:
/// a value at its bound passes, one beyond is refused naming the field, and nothing is written.
/// </summary>
public sealed class ContractRulesTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task A_housing_subsidy_passes_at_the_money_limit_and_is_refused_one_fen_beyond_without_a_plan()
    {
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("9-101", 2500), ("9-102", 2500));
        var refused = await service.Household().Head().RegisterAsync();
        foreach (var fen in new[] { 0, MoneyLimits.HouseholdSubsidyFen + 1, long.MaxValue })
        {
            var request = Plan(refused, site, "9-101");
            request.Subsidy = new Money { Fen = fen };
            var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Relocations().PlanRelocationAsync(request, County));
            Assert.Equal("subsidy", RpcAssert.InvalidField(error));
        }

        var missing = Plan(refused, site, "9-101");
        missing.Subsidy = null;
        Assert.Equal("subsidy", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Relocations().PlanRelocationAsync(missing, County))));
        Assert.False(await service.QueryAsync(db => db.Set<RelocationPlan>().AnyAsync(p => p.HouseholdId == refused.Id)));

        var atLimit = Plan(refused, site, "9-102");
        atLimit.Subsidy = new Money { Fen = MoneyLimits.HouseholdSubsidyFen };
        var planned = (await service.Relocations().PlanRelocationAsync(atLimit, County)).Relocation;
        Assert.Equal(MoneyLimits.HouseholdSubsidyFen, planned.Subsidy.Fen);
    }

    [Fact]
    public async Task A_planned_move_is_dated_from_2000_to_2100()
    {
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("8-101", 2500));
        var household = await service.Household().Head().RegisterAsync();
        foreach (var year in new[] { 1999, 2101 })
        {
            var request = Plan(household, site, "8-101");
            request.PlannedMoveOn = new Date { Year = year, Month = 1, Day = 1 };
            Assert.Equal("planned_move_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Relocations().PlanRelocationAsync(request, County))));
        }

        var last = Plan(household, site, "8-101");
        last.PlannedMoveOn = new Date { Year = 2100, Month = 12, Day = 31 };
        Assert.Equal(2100, (await service.Relocations().PlanRelocationAsync(last, County)).Relocation.PlannedMoveOn.Year);
    }

    [Fact]
    public async Task A_unit_area_passes_at_500_square_metres_and_a_batch_at_500_units_and_one_more_of_either_is_refused_whole()
    {
        var site = (await service.Sites().CreateSiteAsync(NewSite(), County)).Site;
        var tooLarge = Units(site.SiteId, ("1-1", 100), ("1-2", 50_001));
        Assert.Equal("units[1].area_sqm_hundredths", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Sites().AddHousingUnitsAsync(tooLarge, County))));
        var tooMany = Units(site.SiteId, Enumerable.Range(1, 501).Select(i => ($"2-{i}", 5_000)).ToArray());
        Assert.Equal("units", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Sites().AddHousingUnitsAsync(tooMany, County))));
        var siteId = Guid.Parse(site.SiteId);
        Assert.Equal(0, await service.QueryAsync(db => db.Set<HousingUnit>().CountAsync(u => u.SiteId == siteId)));

        var atBounds = Units(site.SiteId, Enumerable.Range(1, 500).Select(i => ($"3-{i}", i == 1 ? 50_000 : 5_000)).ToArray());
        var added = (await service.Sites().AddHousingUnitsAsync(atBounds, County)).Site;
        Assert.Equal(500, added.Units.Count);
        Assert.Equal(50_000, added.Units.Single(u => u.Number == "3-1").AreaSqmHundredths);
    }

    [Fact]
    public async Task A_withdrawal_reason_passes_at_500_characters_and_is_refused_at_501_keeping_the_plan()
    {
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("7-101", 2500));
        var household = await service.Household().Head().RegisterAsync();
        await service.Relocations().PlanRelocationAsync(Plan(household, site, "7-101"), County);

        var tooLong = new CancelPlanRequest { HouseholdId = household.Id.ToString(), Reason = new string('r', 501) };
        Assert.Equal("reason", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Relocations().CancelPlanAsync(tooLong, County))));
        Assert.True(await service.QueryAsync(db => db.Set<RelocationPlan>().AnyAsync(p => p.HouseholdId == household.Id)));

        var cancelled = await service.Relocations().CancelPlanAsync(new CancelPlanRequest { HouseholdId = household.Id.ToString(), Reason = new string('r', 500) }, County);
        Assert.Equal(500, cancelled.Cancellation.Reason.Length);
    }

    [Fact]
    public async Task An_id_is_refused_by_the_contract_when_not_a_uuid_or_all_zeros_even_beside_other_bad_fields()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Client<FollowUpService.FollowUpServiceClient>().AssignCaseAsync(new AssignCaseRequest { CaseId = Guid.Empty.ToString() }, County));
        Assert.Equal(["case_id", "assignee_subject", "assignee_name"], RpcAssert.InvalidFields(error));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Sites().GetSiteAsync(new GetSiteRequest { SiteId = "{" + Guid.NewGuid() + "}" }, County));
        Assert.Equal("site_id", RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task A_page_size_from_zero_passes_and_a_negative_one_is_refused()
    {
        Assert.NotNull(await service.Sites().ListSitesAsync(new ListSitesRequest { Page = new PageRequest { PageSize = 0 } }, County));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            service.Sites().ListSitesAsync(new ListSitesRequest { Page = new PageRequest { PageSize = -1 } }, County));
        Assert.Equal("page.page_size", RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task The_outbox_takes_up_to_1000_positive_row_ids()
    {
        var outbox = service.Client<OutboxService.OutboxServiceClient>();
        var operatorCall = service.As(PlatformRoles.Operator, TestRegions.Province, purpose: "contract rules");
        var atLimit = new RetryEventsRequest { RowIds = { Enumerable.Range(1, 1_000).Select(i => (long)i + 1_000_000_000) } };
        Assert.Equal(0, (await outbox.RetryEventsAsync(atLimit, operatorCall)).Retried);

        atLimit.RowIds.Add(2_000_000_000);
        Assert.Equal("row_ids", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, outbox.RetryEventsAsync(atLimit, operatorCall))));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, outbox.ParkEventsAsync(new ParkEventsRequest { RowIds = { 5, 0, -1 } }, operatorCall));
        Assert.Equal(["row_ids[1]", "row_ids[2]"], RpcAssert.InvalidFields(error));
    }
}
