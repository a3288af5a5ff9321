using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;

namespace Platform.Relocation.Tests.FollowUp;

/// <summary>
/// Two changes of one family assessed at the same moment (a job's start and its end arrive on
/// different queues): the second to save must not act on what it read before the first committed.
/// </summary>
public sealed class FollowUpConcurrencyTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    [Fact]
    public async Task The_second_of_two_concurrent_assessments_fails_instead_of_leaving_a_stale_case_and_a_call_gets_aborted()
    {
        var household = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(household, await service.SeedSiteAsync());
        var now = service.Clock.GetUtcNow().UtcDateTime;

        using var first = service.Services.CreateScope();
        using var second = service.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<RelocationDbContext>();
        firstDb.Add(new MemberJob { EmploymentId = Guid.NewGuid(), HouseholdId = household.Id, MemberId = household.Head.MemberId, StartedOn = service.Today, StartedAt = now });
        await first.ServiceProvider.GetRequiredService<FollowUpReconciler>().ReconcileAsync(household.Id, now, default);
        var stale = second.ServiceProvider.GetRequiredService<FollowUpReconciler>();
        await stale.ReconcileAsync(household.Id, now, default);

        await firstDb.SaveChangesAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => stale.SaveForCallAsync(default));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);

        var cases = await service.QueryAsync(db => db.Set<FollowUpCase>().AsNoTracking().Where(c => c.HouseholdId == household.Id).ToListAsync());
        Assert.Equal(CaseOutcome.Employed, Assert.Single(cases).Outcome);
    }
}
