using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Relocation.Contracts;
using Platform.Relocation.FollowUp;
using Platform.Security;

namespace Platform.Relocation.Tests.FollowUp;

/// <summary>Time alone changes a family's follow-up: the sweep re-assesses every moved-in family.</summary>
public sealed class FollowUpSweepTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    [Fact]
    public async Task A_son_turning_16_opens_a_case_and_a_father_passing_60_closes_one_when_the_sweep_runs()
    {
        var today = service.Today;
        var turning16 = await service.Household().Head("None").Member("Child", today.AddYears(-16).AddDays(3)).RegisterAsync();
        var turning61 = await service.Household().Member("Head", today.AddYears(-61).AddDays(3)).Spouse("None").RegisterAsync();
        var planned = await service.Household().Member("Head", today.AddYears(-16).AddDays(3)).RegisterAsync();
        var site = await service.SeedSiteAsync();
        await service.SeedPlanAsync(turning16, site);
        await service.SeedPlanAsync(turning61, site);
        await service.SeedPlanAsync(planned, site, moveIn: false);
        Assert.Empty(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(turning16.Id));
        Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(turning61.Id));

        service.Clock.Advance(TimeSpan.FromDays(4));
        var swept = await service.Services.GetRequiredService<FollowUpSweep>().SweepAsync(default);

        Assert.True(swept >= 2);
        Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(turning16.Id));
        var closed = Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseClosed>(turning61.Id));
        Assert.Equal("NoLabourSeekingWork", closed.Outcome);
        Assert.Empty(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(planned.Id));
        var cases = await service.QueryAsync(db => db.Set<FollowUpCase>().AsNoTracking().Where(c => c.HouseholdId == turning16.Id).ToListAsync());
        Assert.True(Assert.Single(cases).IsOpen);

        // A second sweep on the same day changes no case.
        await service.Services.GetRequiredService<FollowUpSweep>().SweepAsync(default);
        Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(turning16.Id));
    }

    [Fact]
    public async Task Operators_run_the_sweep_from_the_dashboard_command_and_officers_may_not()
    {
        var household = await service.Household().Member("Head", service.Today.AddYears(-16).AddDays(1)).RegisterAsync();
        await service.SeedPlanAsync(household, await service.SeedSiteAsync());
        service.Clock.Advance(TimeSpan.FromDays(2));
        var client = service.Client<Pa.Relocation.V1.FollowUpService.FollowUpServiceClient>();

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied,
            client.ReassessFamiliesAsync(new Pa.Relocation.V1.ReassessFamiliesRequest(), service.CountyOfficer(TestRegions.County)));
        var reassessed = await client.ReassessFamiliesAsync(new Pa.Relocation.V1.ReassessFamiliesRequest(), service.As(PlatformRoles.Operator, TestRegions.Province));

        Assert.True(reassessed.Families >= 1);
        Assert.Single(await service.OutboxEventsAsync<ZeroEmploymentCaseOpened>(household.Id));
    }
}
