using Microsoft.Extensions.DependencyInjection;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;

namespace Platform.Relocation.Tests.FollowUp;

/// <summary>Jobs written straight into the database and followed up as the employment consumers do.</summary>
public static class FollowUpSeeds
{
    public static async Task<Guid> EmployAsync(this RelocationFactory factory, TestHousehold household, Guid memberId, string type = "Workshop")
    {
        var employmentId = Guid.CreateVersion7();
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RelocationDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Add(new MemberJob
            {
                EmploymentId = employmentId, HouseholdId = household.Id, MemberId = memberId, EmploymentType = type, StartedOn = factory.Today, StartedAt = now,
            });
            await services.GetRequiredService<FollowUpReconciler>().ReconcileAsync(household.Id, now, default);
            await db.SaveChangesAsync();
        });
        return employmentId;
    }
}
