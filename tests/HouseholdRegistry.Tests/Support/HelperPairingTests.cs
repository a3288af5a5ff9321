using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Support;

/// <summary>Helper cadres (帮扶责任人): registration, listing and pairing with households.</summary>
public sealed class HelperPairingTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_registered_helper_shows_the_phone_masked_unless_the_caller_may_see_personal_data()
    {
        var masked = await registry.RegisterHelperAsync(Seeded.Changji, phone: "13912345678");
        Assert.Equal("139****5678", masked.Phone);
        Assert.Equal(("李泽坤", "环保局", Seeded.Changji, true), (masked.Name, masked.WorkUnit, masked.RegionCode, masked.Active));

        var full = (await registry.Support().RegisterHelperAsync(
            new RegisterHelperRequest { Name = "张敏", WorkUnit = "县教育局", Phone = "13912345679", RegionCode = Seeded.Changji },
            registry.CountyOfficer(Seeded.Huoqiu, personalData: true))).Helper;
        Assert.Equal("13912345679", full.Phone);

        var stored = await registry.QueryAsync(db => db.Helpers.SingleAsync(h => h.Id == Guid.Parse(full.HelperId)));
        Assert.DoesNotContain("13912345679", stored.PhoneCipher);
        Assert.True(await registry.QueryAsync(db => db.AuditRecords.AnyAsync(a => a.Action == "helper.register" && a.EntityId == full.HelperId)));
    }

    [Fact]
    public async Task Registering_a_helper_names_every_invalid_field()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().RegisterHelperAsync(
            new RegisterHelperRequest { Name = " ", WorkUnit = "", Phone = "12ab", RegionCode = Seeded.Anhui }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["name", "work_unit", "phone"], RpcAssert.InvalidFields(error));
        var province = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().RegisterHelperAsync(
            new RegisterHelperRequest { Name = "王芳", WorkUnit = "县农业农村局", Phone = "0564-6012345", RegionCode = Seeded.Anhui }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("region_code", RpcAssert.InvalidField(province));
    }

    [Fact]
    public async Task Registering_a_helper_is_for_officers_on_the_ground_in_their_own_region()
    {
        var request = new RegisterHelperRequest { Name = "张敏", WorkUnit = "县教育局", Phone = "13912345679", RegionCode = Seeded.Huoqiu };
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().RegisterHelperAsync(request, registry.As(PlatformRoles.Auditor, Seeded.Anhui)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().RegisterHelperAsync(request, registry.CountyOfficer(Seeded.Weishan)));
    }

    [Fact]
    public async Task Pairing_sets_the_helper_writes_the_event_and_ends_the_previous_pairing()
    {
        var household = await registry.RegisteredAsync(Seeded.Qilipeng);
        var first = await registry.RegisterHelperAsync(Seeded.Huoqiu, name: "李泽坤");
        var second = await registry.RegisterHelperAsync(Seeded.Changji, name: "王芳", workUnit: "镇农业站");
        var options = registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji);

        await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = first.HelperId }, options);
        registry.Clock.Advance(TimeSpan.FromDays(30));
        var pairing = (await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = second.HelperId }, options)).Pairing;

        Assert.Equal((second.HelperId, household.HouseholdId, (Google.Protobuf.WellKnownTypes.Timestamp?)null), (pairing.HelperId, pairing.HouseholdId, pairing.To));
        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal((second.HelperId, "王芳", "镇农业站"), (read.Household.HelperId, read.Household.HelperName, read.Household.HelperWorkUnit));
        // A village officer, who may not list the township's helpers, reads the name with the household, as listings do.
        var village = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.VillageOfficer(Seeded.Qilipeng));
        Assert.Equal("王芳", village.Household.HelperName);
        var inVillage = await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = Seeded.Qilipeng, Page = new PageRequest { PageSize = 500 } }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(("王芳", "镇农业站"), inVillage.Households.Where(h => h.HouseholdId == household.HouseholdId).Select(h => (h.HelperName, h.HelperWorkUnit)).Single());
        Assert.All(inVillage.Households.Where(h => h.HelperId.Length == 0), h => Assert.Equal("", h.HelperName));

        var history = await registry.QueryAsync(db => db.HelperPairings.Where(p => p.HouseholdId == Guid.Parse(household.HouseholdId)).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal(history[1].From, history[0].To);
        Assert.Null(history[1].To);

        var events = await registry.QueryAsync(db => db.OutboxMessages
            .Where(m => m.AggregateKey == household.HouseholdId && m.MessageType.Contains(nameof(HelperAssigned))).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, events.Count);
        var assigned = JsonSerializer.Deserialize<HelperAssigned>(events[1].Body, JsonSerializerOptions.Web)!;
        Assert.Equal((Guid.Parse(second.HelperId), "王芳", "镇农业站", Seeded.Qilipeng), (assigned.HelperId, assigned.HelperName, assigned.WorkUnit, assigned.RegionCode));

        var listed = (await registry.Support().ListHelpersAsync(new ListHelpersRequest { RegionCode = Seeded.Huoqiu }, registry.CountyOfficer(Seeded.Huoqiu))).Helpers;
        Assert.Equal(0, listed.Single(h => h.HelperId == first.HelperId).PairedHouseholds);
        Assert.Equal(1, listed.Single(h => h.HelperId == second.HelperId).PairedHouseholds);
    }

    [Fact]
    public async Task A_helper_at_the_maximum_takes_no_more_households()
    {
        var helper = await registry.RegisterHelperAsync(Seeded.Huoqiu);
        for (var i = 0; i < 5; i++)
        {
            var household = await registry.ApplyAsync(Applications.Household(Seeded.Hekou));
            await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = helper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu));
        }

        var sixth = await registry.ApplyAsync(Applications.Household(Seeded.Hekou));
        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Support().PairHelperAsync(
            new PairHelperRequest { HouseholdId = sixth.HouseholdId, HelperId = helper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Contains("maximum of 5", error.Status.Detail);
    }

    [Fact]
    public async Task Pairing_refuses_rejected_households_and_hides_records_outside_the_callers_region()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var helper = await registry.RegisterHelperAsync(Seeded.Huoqiu);
        var weishanHelper = await registry.RegisterHelperAsync(Seeded.Weishan);
        var request = new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = helper.HelperId };

        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().PairHelperAsync(request, registry.VillageOfficer(Seeded.Donghu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().PairHelperAsync(
            new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = weishanHelper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().PairHelperAsync(
            new PairHelperRequest { HouseholdId = Guid.NewGuid().ToString(), HelperId = helper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().PairHelperAsync(request, registry.As(PlatformRoles.CityOfficer, "341500000000")));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = "x" }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["household_id", "helper_id"], RpcAssert.InvalidFields(invalid));

        await registry.SetStatusAsync(household.HouseholdId, HouseholdStatus.Rejected);
        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, registry.Support().PairHelperAsync(request, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Contains("Rejected", error.Status.Detail);
    }

    [Fact]
    public async Task Listing_helpers_covers_the_region_pages_and_is_audited()
    {
        await using var fresh = new RegistryFactory();
        for (var i = 0; i < 3; i++)
        {
            await fresh.RegisterHelperAsync(Seeded.Changji, name: $"帮扶人{i}");
        }

        await fresh.RegisterHelperAsync(Seeded.Hekou);
        var options = fresh.As(PlatformRoles.TownshipOfficer, Seeded.Changji, subject: "zhao");
        var first = await fresh.Support().ListHelpersAsync(new ListHelpersRequest { Page = new PageRequest { PageSize = 2 } }, options);
        var second = await fresh.Support().ListHelpersAsync(new ListHelpersRequest { Page = new PageRequest { PageSize = 2, PageToken = first.Page.NextPageToken } }, options);

        Assert.Equal(3, first.Page.TotalSize);
        Assert.Equal(["帮扶人0", "帮扶人1", "帮扶人2"], first.Helpers.Concat(second.Helpers).Select(h => h.Name));
        Assert.Equal("", second.Page.NextPageToken);
        Assert.Equal(2, await fresh.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "helper.list" && a.Actor == "zhao")));
        await RpcAssert.FailsAsync(StatusCode.NotFound, fresh.Support().ListHelpersAsync(new ListHelpersRequest { RegionCode = Seeded.Hekou }, options));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, fresh.Support().ListHelpersAsync(new ListHelpersRequest(), fresh.As(PlatformRoles.Operator, Seeded.Anhui)));
    }
}
