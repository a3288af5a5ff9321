using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Support;

/// <summary>Spot checks: an inspector compares what a household says with its record; mismatches are listed per region.</summary>
public sealed class VerificationTests
{
    [Fact]
    public async Task A_phone_check_records_the_mismatches_and_they_are_listed_for_the_village_and_county()
    {
        await using var registry = new RegistryFactory();
        var matching = await registry.RegisteredAsync(Seeded.Qilipeng);
        var helper = await registry.RegisterHelperAsync(Seeded.Huoqiu, name: "李泽坤");
        await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = matching.HouseholdId, HelperId = helper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu));
        var unpaired = await registry.RegisteredAsync(Seeded.Qilipeng);
        var inspector = registry.As(PlatformRoles.ProvincialOfficer, Seeded.Anhui, subject: "governor-office");

        var ok = (await registry.Support().RecordVerificationAsync(Check(matching, "李泽坤"), inspector)).Verification;
        Assert.Empty(ok.Mismatches);
        var request = Check(unpaired, "张三");
        request.MembersStated.RemoveAt(2);
        var bad = (await registry.Support().RecordVerificationAsync(request, inspector)).Verification;
        Assert.Equal(
            [(MismatchKind.MemberNotStated, "王小明"), (MismatchKind.NoHelperPaired, "张三")],
            bad.Mismatches.Select(m => (m.Kind, m.Detail)));
        Assert.Equal((VerificationMethod.Phone, Seeded.Qilipeng), (bad.Method, bad.VillageCode));

        foreach (var region in new[] { Seeded.Qilipeng, Seeded.Huoqiu })
        {
            var listed = await registry.Support().ListVerificationMismatchesAsync(new ListVerificationMismatchesRequest { RegionCode = region }, registry.CountyOfficer(Seeded.Huoqiu));
            Assert.Equal([bad.VerificationId], listed.Verifications.Select(v => v.VerificationId));
        }

        var elsewhere = await registry.Support().ListVerificationMismatchesAsync(new ListVerificationMismatchesRequest { RegionCode = Seeded.Donghu }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Empty(elsewhere.Verifications);
        Assert.True(await registry.QueryAsync(db => db.AuditRecords.AnyAsync(a => a.Action == "verification.record" && a.EntityId == unpaired.HouseholdId && a.Actor == "governor-office")));
    }

    [Fact]
    public async Task Only_inspectors_record_checks_of_households_they_can_see_with_valid_statements()
    {
        await using var registry = new RegistryFactory();
        var household = await registry.RegisteredAsync(Seeded.Qilipeng);
        var request = Check(household, "李泽坤");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().RecordVerificationAsync(request, registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Support().RecordVerificationAsync(request, registry.VillageOfficer(Seeded.Qilipeng)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Support().RecordVerificationAsync(request, registry.CountyOfficer(Seeded.Weishan)));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Support().RecordVerificationAsync(
            new RecordVerificationRequest { HouseholdId = household.HouseholdId, MembersStated = { "王建国", " " } }, registry.As(PlatformRoles.Auditor, Seeded.Huoqiu)));
        Assert.Equal(["method", "inspector_name", "members_stated[1]"], RpcAssert.InvalidFields(invalid));
        Assert.NotNull((await registry.Support().RecordVerificationAsync(request, registry.As(PlatformRoles.Auditor, Seeded.Huoqiu))).Verification);
    }

    private static RecordVerificationRequest Check(Household household, string helperName) => new()
    {
        HouseholdId = household.HouseholdId,
        Method = VerificationMethod.Phone,
        InspectorName = "省核查组",
        MembersStated = { household.Members.Select(m => m.Name) },
        HelperNameStated = helperName,
    };
}
