using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Screening;

/// <summary>六优先 flags and the conflict-of-interest mark as officers see them, and the county filing list (备案登记).</summary>
public sealed class ConflictOfInterestFilingTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private static CreateHouseholdApplicationRequest WithKinship(string village, CadreKind kind, string cadre)
    {
        var request = Applications.Household(village);
        request.Facts.CadreKinships.Add(new CadreKinship { Kind = kind, CadreName = cadre, Relation = "兄弟", WorkUnit = "长集镇人民政府" });
        return request;
    }

    [Fact]
    public async Task Priorities_and_the_conflict_mark_are_visible_on_the_household()
    {
        var plain = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var related = await registry.ApplyAsync(WithKinship(Seeded.Qilipeng, CadreKind.TownshipCadre, "周镇长"));

        var read = (await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = plain.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu))).Household;

        Assert.Equal([Priority.SevereDisability, Priority.StudentInSchool, Priority.DangerousHouse], read.Priorities);
        Assert.False(read.ConflictOfInterest);
        Assert.Equal(read.Priorities, plain.Priorities);
        Assert.True(related.ConflictOfInterest);
    }

    [Fact]
    public async Task The_filing_list_shows_only_flagged_households_of_the_county_with_their_kinships()
    {
        await using var county = new RegistryFactory();
        await county.ApplyAsync(Applications.Household(Seeded.Donghu));
        var village = await county.ApplyAsync(WithKinship(Seeded.Qilipeng, CadreKind.VillageCadre, "王支书"));
        var finance = await county.ApplyAsync(WithKinship(Seeded.Hekou, CadreKind.PublicFinanceStaff, "陈会计"));
        await county.ApplyAsync(WithKinship(Seeded.Xincun, CadreKind.VillageCadre, "杨主任"));

        var response = await county.Screening().ListConflictOfInterestFilingsAsync(
            new ListConflictOfInterestFilingsRequest { CountyCode = Seeded.Huoqiu }, county.As(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "auditing.officer", purpose: "备案审查"));

        Assert.Equal([finance.HouseholdId, village.HouseholdId], response.Filings.Select(f => f.HouseholdId));
        Assert.Equal(2, response.Page.TotalSize);
        var filing = response.Filings[1];
        Assert.Equal((Seeded.Qilipeng, HouseholdStatus.Applied, "王建国"), (filing.RegionCode, filing.Status, filing.HeadName));
        var kin = Assert.Single(filing.Kinships);
        Assert.Equal((CadreKind.VillageCadre, "王支书", "兄弟", "长集镇人民政府"), (kin.Kind, kin.CadreName, kin.Relation, kin.WorkUnit));

        var audit = await county.QueryAsync(db => db.AuditRecords.SingleAsync(a => a.Action == "screening.conflict_of_interest.list"));
        Assert.Equal(("auditing.officer", Seeded.Huoqiu, "备案审查"), (audit.Actor, audit.EntityId, audit.Purpose));
    }

    [Fact]
    public async Task The_filing_list_pages_newest_first()
    {
        await using var county = new RegistryFactory();
        var first = await county.ApplyAsync(WithKinship(Seeded.Qilipeng, CadreKind.VillageCadre, "王支书"));
        var second = await county.ApplyAsync(WithKinship(Seeded.Donghu, CadreKind.TownshipCadre, "周镇长"));
        var request = new ListConflictOfInterestFilingsRequest { CountyCode = Seeded.Huoqiu, Page = new PageRequest { PageSize = 1 } };

        var page1 = await county.Screening().ListConflictOfInterestFilingsAsync(request, county.As(PlatformRoles.Auditor, Seeded.Anhui));
        request.Page.PageToken = page1.Page.NextPageToken;
        var page2 = await county.Screening().ListConflictOfInterestFilingsAsync(request, county.As(PlatformRoles.Auditor, Seeded.Anhui));

        Assert.Equal(second.HouseholdId, Assert.Single(page1.Filings).HouseholdId);
        Assert.Equal(first.HouseholdId, Assert.Single(page2.Filings).HouseholdId);
        Assert.Empty(page2.Page.NextPageToken);
    }

    [Fact]
    public async Task Another_countys_officer_gets_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Screening().ListConflictOfInterestFilingsAsync(
            new ListConflictOfInterestFilingsRequest { CountyCode = Seeded.Huoqiu }, registry.CountyOfficer(Seeded.Weishan)));
    }

    [Theory]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Changji)]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Qilipeng)]
    [InlineData(PlatformRoles.DepartmentClient, Seeded.Huoqiu)]
    [InlineData(PlatformRoles.Operator, Seeded.Anhui)]
    public async Task Only_county_or_higher_officers_and_auditors_may_read_the_list(string role, string region)
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Screening().ListConflictOfInterestFilingsAsync(
            new ListConflictOfInterestFilingsRequest { CountyCode = Seeded.Huoqiu }, registry.As(role, region)));
    }

    [Fact]
    public async Task The_county_code_must_name_a_county()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Screening().ListConflictOfInterestFilingsAsync(
            new ListConflictOfInterestFilingsRequest { CountyCode = Seeded.Qilipeng, Page = new PageRequest { PageToken = "bm90LWEtbnVtYmVy" } }, registry.CountyOfficer(Seeded.Huoqiu)));

        Assert.Equal(["county_code", "page.page_token"], RpcAssert.InvalidFields(error));
    }
}
