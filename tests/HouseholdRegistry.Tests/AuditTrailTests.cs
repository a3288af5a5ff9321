using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Persistence;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Every read and change of a household file leaves an audit record: who, what, when, why.</summary>
public sealed class AuditTrailTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task Filing_an_application_is_audited_with_the_officer_and_purpose()
    {
        registry.Clock.Advance(TimeSpan.FromMinutes(3));
        var options = registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng, subject: "li.wei", purpose: "户申请 intake");
        var household = (await registry.Households.CreateHouseholdApplicationAsync(Applications.Household(Seeded.Qilipeng), options)).Household;

        var record = Assert.Single(await RecordsAsync(household.HouseholdId));
        Assert.Equal("household.apply", record.Action);
        Assert.Equal("household", record.EntityType);
        Assert.Equal("li.wei", record.Actor);
        Assert.Equal(PlatformRoles.VillageOfficer, record.ActorRole);
        Assert.Equal(Seeded.Qilipeng, record.ActorRegion);
        Assert.Equal("户申请 intake", record.Purpose);
        Assert.Equal(registry.Clock.GetUtcNow().UtcDateTime, record.At);
    }

    [Fact]
    public async Task Reading_a_household_is_audited_and_a_missing_purpose_is_recorded_as_unspecified()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var request = new GetHouseholdRequest { HouseholdId = household.HouseholdId };

        await registry.Households.GetHouseholdAsync(request, registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji, subject: "zhang.min", purpose: "home visit"));
        await registry.Households.GetHouseholdAsync(request, registry.As(PlatformRoles.CountyOfficer, Seeded.Huoqiu, subject: "wu.fang"));

        var reads = (await RecordsAsync(household.HouseholdId)).Where(r => r.Action == "household.read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.Equal(("zhang.min", PlatformRoles.TownshipOfficer, "home visit"), (reads[0].Actor, reads[0].ActorRole, reads[0].Purpose));
        Assert.Equal(("wu.fang", PlatformRoles.CountyOfficer, "unspecified"), (reads[1].Actor, reads[1].ActorRole, reads[1].Purpose));
    }

    [Fact]
    public async Task A_read_outside_ones_region_leaves_no_read_record()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.NotFound, registry.Households.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.As(PlatformRoles.CountyOfficer, Seeded.Weishan, subject: "curious")));

        Assert.DoesNotContain(await RecordsAsync(household.HouseholdId), r => r.Action == "household.read");
    }

    [Fact]
    public async Task Listing_households_is_audited_for_the_region_listed()
    {
        await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = Seeded.Changji },
            registry.As(PlatformRoles.CountyOfficer, Seeded.Huoqiu, subject: "sun.li", purpose: "monthly report"));

        var records = await registry.QueryAsync(db => db.AuditRecords.Where(r => r.Action == "household.list" && r.Actor == "sun.li").ToListAsync());
        var record = Assert.Single(records);
        Assert.Equal((Seeded.Changji, "monthly report"), (record.EntityId, record.Purpose));
    }

    private Task<List<AuditRecord>> RecordsAsync(string householdId) =>
        registry.QueryAsync(db => db.AuditRecords.Where(r => r.EntityId == householdId).OrderBy(r => r.Id).ToListAsync());
}
