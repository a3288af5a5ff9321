using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Support;

/// <summary>Village work teams (驻村工作队), visit logs (帮扶工作日志) and assistance measures with write-off (销号).</summary>
public sealed class WorkTeamVisitMeasureTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_new_work_team_ends_the_villages_previous_one_the_day_before()
    {
        var options = registry.As(PlatformRoles.TownshipOfficer, Seeded.Chengguan);
        var first = (await registry.Support().SetWorkTeamAsync(Team(new DateOnly(2024, 3, 1), "霍邱县环保局", "陈书记"), options)).WorkTeam;
        var second = (await registry.Support().SetWorkTeamAsync(Team(new DateOnly(2025, 3, 1), "六安市财政局", "周书记"), options)).WorkTeam;

        Assert.Equal(["队员甲", "队员乙"], second.MemberNames);
        var current = await registry.Support().ListWorkTeamsAsync(new ListWorkTeamsRequest { RegionCode = Seeded.Chengguan }, options);
        Assert.Equal([second.WorkTeamId], current.WorkTeams.Select(t => t.WorkTeamId));
        var all = await registry.Support().ListWorkTeamsAsync(new ListWorkTeamsRequest { RegionCode = Seeded.Chengguan, IncludeEnded = true }, options);
        var ended = all.WorkTeams.Single(t => t.WorkTeamId == first.WorkTeamId);
        Assert.Equal(new DateOnly(2025, 2, 28), ended.To.ToDateOnly());
        Assert.Equal(("霍邱县环保局", "陈书记"), (ended.PairedUnit, ended.FirstSecretaryName));

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Support().SetWorkTeamAsync(Team(new DateOnly(2025, 1, 1), "x", "y"), options));
        Assert.Contains("2025-03-01", error.Status.Detail);
    }

    [Fact]
    public async Task Work_teams_are_validated_and_scoped()
    {
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().SetWorkTeamAsync(
            new SetWorkTeamRequest { VillageCode = Seeded.Changji, MemberNames = { "" } }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["paired_unit", "first_secretary_name", "member_names[0]", "from"], RpcAssert.InvalidFields(invalid));
        var township = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().SetWorkTeamAsync(
            Team(new DateOnly(2025, 1, 1), "x", "y", Seeded.Changji), registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("village_code", RpcAssert.InvalidField(township));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().SetWorkTeamAsync(Team(new DateOnly(2025, 1, 1), "x", "y", Seeded.Hekou), registry.VillageOfficer(Seeded.Donghu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().ListWorkTeamsAsync(new ListWorkTeamsRequest { RegionCode = Seeded.Huoqiu }, registry.CountyOfficer(Seeded.Weishan)));
    }

    [Fact]
    public async Task A_visit_is_logged_for_the_paired_helper_and_listed_newest_first()
    {
        var household = await registry.RegisteredAsync(Seeded.Hekou);
        var helper = await registry.RegisterHelperAsync(Seeded.Huoqiu);
        var request = new RecordVisitRequest { HouseholdId = household.HouseholdId, VisitDate = Today().ToProto(), Content = "了解养鸡进展" };
        var unpaired = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Support().RecordVisitAsync(request, registry.VillageOfficer(Seeded.Hekou)));
        Assert.Contains("no helper", unpaired.Status.Detail);

        await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = helper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu));
        var visit = (await registry.Support().RecordVisitAsync(request, registry.VillageOfficer(Seeded.Hekou))).Visit;
        request.Content = "落实鸡苗补贴";
        request.FollowUp = "下月回访";
        await registry.Support().RecordVisitAsync(request, registry.VillageOfficer(Seeded.Hekou));

        Assert.Equal((helper.HelperId, $"officer-{Seeded.Hekou}"), (visit.HelperId, visit.RecordedBy));
        var listed = await registry.Support().ListVisitsAsync(new ListVisitsRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(["落实鸡苗补贴", "了解养鸡进展"], listed.Visits.Select(v => v.Content));
        Assert.Equal("下月回访", listed.Visits[0].FollowUp);
    }

    [Fact]
    public async Task Visits_are_validated_and_scoped()
    {
        var household = await registry.RegisteredAsync(Seeded.Hekou);
        var future = new RecordVisitRequest { HouseholdId = household.HouseholdId, VisitDate = Today().AddDays(1).ToProto(), Content = "" };
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().RecordVisitAsync(future, registry.VillageOfficer(Seeded.Hekou)));
        Assert.Equal("content", RpcAssert.InvalidField(error));
        future.Content = "走访";
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().RecordVisitAsync(future, registry.VillageOfficer(Seeded.Hekou)));
        Assert.Equal("visit_date", RpcAssert.InvalidField(error));

        var elsewhere = new RecordVisitRequest { HouseholdId = household.HouseholdId, VisitDate = Today().ToProto(), Content = "x", HelperId = Guid.NewGuid().ToString() };
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().RecordVisitAsync(elsewhere, registry.VillageOfficer(Seeded.Donghu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().RecordVisitAsync(elsewhere, registry.VillageOfficer(Seeded.Hekou)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().ListVisitsAsync(new ListVisitsRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Weishan)));
    }

    [Fact]
    public async Task A_measure_is_planned_then_written_off_once()
    {
        var household = await registry.RegisteredAsync(Seeded.Donghu);
        var year = registry.Clock.GetUtcNow().Year;
        var measure = (await registry.Support().PlanMeasureAsync(new PlanMeasureRequest
        {
            HouseholdId = household.HouseholdId, Kind = MeasureKind.Industry, Description = "养鸡 100 只, 产业奖补 1,500 元", PlannedYear = year,
        }, registry.VillageOfficer(Seeded.Donghu))).Measure;
        Assert.Equal(MeasureStatus.Planned, measure.Status);

        registry.Clock.Advance(TimeSpan.FromDays(2));
        var done = (await registry.Support().CompleteMeasureAsync(new CompleteMeasureRequest { MeasureId = measure.MeasureId }, registry.As(PlatformRoles.TownshipOfficer, Seeded.Chengguan, "wu"))).Measure;
        Assert.Equal((MeasureStatus.Done, "wu", registry.Clock.GetUtcNow().UtcDateTime), (done.Status, done.DoneBy, done.DoneAt.ToDateTime()));

        var again = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Support().CompleteMeasureAsync(new CompleteMeasureRequest { MeasureId = measure.MeasureId }, registry.VillageOfficer(Seeded.Donghu)));
        Assert.Contains("already written off", again.Status.Detail);
        var listed = await registry.Support().ListMeasuresAsync(new ListMeasuresRequest { HouseholdId = household.HouseholdId }, registry.As(PlatformRoles.Auditor, Seeded.Anhui));
        Assert.Equal([MeasureStatus.Done], listed.Measures.Select(m => m.Status));
    }

    [Fact]
    public async Task Measures_are_validated_scoped_and_refused_for_rejected_households()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Donghu));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().PlanMeasureAsync(
            new PlanMeasureRequest { HouseholdId = household.HouseholdId, PlannedYear = 1990 }, registry.VillageOfficer(Seeded.Donghu)));
        Assert.Equal(["kind", "description", "planned_year"], RpcAssert.InvalidFields(invalid));

        var request = new PlanMeasureRequest { HouseholdId = household.HouseholdId, Kind = MeasureKind.Housing, Description = "危房改造", PlannedYear = registry.Clock.GetUtcNow().Year };
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().PlanMeasureAsync(request, registry.VillageOfficer(Seeded.Hekou)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().PlanMeasureAsync(request, registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu)));
        var measure = (await registry.Support().PlanMeasureAsync(request, registry.VillageOfficer(Seeded.Donghu))).Measure;
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().CompleteMeasureAsync(new CompleteMeasureRequest { MeasureId = measure.MeasureId }, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().CompleteMeasureAsync(new CompleteMeasureRequest { MeasureId = Guid.NewGuid().ToString() }, registry.CountyOfficer(Seeded.Huoqiu)));

        await registry.SetStatusAsync(household.HouseholdId, HouseholdStatus.Rejected);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Support().PlanMeasureAsync(request, registry.VillageOfficer(Seeded.Donghu)));
        Assert.Equal(1, await registry.QueryAsync(db => db.AuditRecords.CountAsync(a => a.EntityId == household.HouseholdId && a.Action == "measure.plan")));
    }

    private static SetWorkTeamRequest Team(DateOnly from, string unit, string secretary, string village = Seeded.Donghu) => new()
    {
        VillageCode = village, PairedUnit = unit, FirstSecretaryName = secretary, MemberNames = { "队员甲", "队员乙" }, From = from.ToProto(),
    };

    private DateOnly Today() => DateOnly.FromDateTime(registry.Clock.GetUtcNow().UtcDateTime);
}
