using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Changes;

/// <summary>A subscriber's view of a registry in memory: the change feed client and the waits a subscriber does.</summary>
internal static class ChangeFeedKit
{
    public static HouseholdChangeService.HouseholdChangeServiceClient Feed(this RegistryFactory registry) => new(registry.Channel);

    /// <summary>A county department's client (a civil-affairs bureau), with or without the personal-data scope.</summary>
    public static CallOptions Department(this RegistryFactory registry, string county, bool personalData = false, string purpose = "低保对象比对") =>
        registry.As(PlatformRoles.DepartmentClient, county, $"civil-affairs-{county}", personalData, purpose);

    /// <summary>Waits until the sequencer has numbered every change written so far (it runs after commit).</summary>
    public static async Task NumberedAsync(this RegistryFactory registry)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await registry.QueryAsync(db => db.Changes.CountAsync(c => c.Sequence == null)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the change sequencer did not number the changes within 60 s");
            await Task.Delay(20);
        }
    }

    /// <summary>Every change of the region after the cursor, page by page, once numbered.</summary>
    public static async Task<List<HouseholdChange>> AllAsync(this RegistryFactory registry, CallOptions as_, string region = "", string after = "")
    {
        await registry.NumberedAsync();
        var all = new List<HouseholdChange>();
        while (true)
        {
            var page = await registry.Feed().ListChangesAsync(new ListChangesRequest { RegionCode = region, AfterCursor = after, PageSize = 1000 }, as_);
            all.AddRange(page.Changes);
            after = page.NextCursor;
            if (page.CaughtUp)
            {
                return all;
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> member-change events of households of <paramref name="village"/>
    /// straight through the outbox, as a handler would: the log gets them from the same SaveChanges.
    /// </summary>
    public static Task WriteMemberEventsAsync(this RegistryFactory registry, string village, int count, int perSave = 1000) =>
        registry.QueryAsync(async db =>
        {
            var now = registry.Clock.GetUtcNow().UtcDateTime;
            for (var written = 0; written < count; written += perSave)
            {
                for (var i = written; i < Math.Min(count, written + perSave); i++)
                {
                    var household = Guid.CreateVersion7();
                    var facts = new MemberFacts(Guid.CreateVersion7(), "Head", "Male", new DateOnly(1970, 1, 1), "Healthy", 0, "Normal", "NotOfSchoolAge");
                    db.AddEvent(new HouseholdMembersChanged(household, village, now, [facts]), household.ToString(), now);
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return count;
        });
}
