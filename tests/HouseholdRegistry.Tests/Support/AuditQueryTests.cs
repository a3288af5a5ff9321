using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Support;

/// <summary>Auditors read the trail of a household: every read and change, in order; reading it is itself recorded.</summary>
public sealed class AuditQueryTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task The_trail_shows_reads_and_changes_of_a_household_in_order_and_records_its_own_reading()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji, "zhang"));
        await registry.Support().PlanMeasureAsync(new PlanMeasureRequest
        {
            HouseholdId = household.HouseholdId, Kind = MeasureKind.Education, Description = "雨露计划", PlannedYear = registry.Clock.GetUtcNow().Year,
        }, registry.VillageOfficer(Seeded.Qilipeng));
        var auditor = registry.As(PlatformRoles.Auditor, Seeded.Anhui, "auditor-1", purpose: "年度审计");
        var request = new ListAuditRecordsRequest { EntityType = "household", EntityId = household.HouseholdId };

        var trail = await registry.Audit().ListAuditRecordsAsync(request, auditor);
        Assert.Equal(["household.apply", "household.read", "measure.plan"], trail.Records.Select(r => r.Action));
        Assert.Equal("zhang", trail.Records[1].Actor);
        Assert.True(trail.Records.Zip(trail.Records.Skip(1)).All(p => p.First.At <= p.Second.At));

        var again = await registry.Audit().ListAuditRecordsAsync(new ListAuditRecordsRequest(request) { Page = new PageRequest { PageSize = 2 } }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(4, again.Page.TotalSize);
        var rest = await registry.Audit().ListAuditRecordsAsync(new ListAuditRecordsRequest(request) { Page = new PageRequest { PageSize = 2, PageToken = again.Page.NextPageToken } }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(["measure.plan", "audit.read"], rest.Records.Select(r => r.Action));
        Assert.Equal(("auditor-1", "年度审计"), (rest.Records[1].Actor, rest.Records[1].Purpose));
    }

    [Fact]
    public async Task Village_officers_departments_and_other_counties_may_not_read_the_trail()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var request = new ListAuditRecordsRequest { EntityType = "household", EntityId = household.HouseholdId };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Audit().ListAuditRecordsAsync(request, registry.VillageOfficer(Seeded.Qilipeng)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Audit().ListAuditRecordsAsync(request, registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Audit().ListAuditRecordsAsync(request, registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Audit().ListAuditRecordsAsync(request, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Audit().ListAuditRecordsAsync(request, registry.As(PlatformRoles.Auditor, "530000000000")));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Audit().ListAuditRecordsAsync(
            new ListAuditRecordsRequest { EntityType = "member", EntityId = "x" }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["entity_type", "entity_id"], RpcAssert.InvalidFields(invalid));
    }

    [Fact]
    public async Task A_helpers_trail_is_readable_by_an_auditor_of_its_region()
    {
        var helper = await registry.RegisterHelperAsync(Seeded.Changji);
        var trail = await registry.Audit().ListAuditRecordsAsync(new ListAuditRecordsRequest { EntityType = "helper", EntityId = helper.HelperId }, registry.As(PlatformRoles.Auditor, Seeded.Huoqiu));
        Assert.Equal(["helper.register"], trail.Records.Select(r => r.Action));
    }
}
