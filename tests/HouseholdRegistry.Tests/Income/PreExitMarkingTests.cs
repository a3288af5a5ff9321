using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Income;

/// <summary>A county officer marks the households that qualify for exit (预脱贫标注) and lists them in exit order.</summary>
public sealed class PreExitMarkingTests
{
    private const int Year = 2026;

    private static async Task<Household> QualifyingAsync(RegistryFactory registry, string village, long wages, int? plannedExitYear = null, AssistancePathway pathway = AssistancePathway.Education)
    {
        var household = await registry.ApplyAsync(Applications.Household(village));
        await registry.SetStatusAsync(household.HouseholdId, HouseholdStatus.Registered, plannedExitYear, pathway);
        await registry.SetGuaranteesAsync(household.HouseholdId);
        await registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages), registry.CountyOfficer(Seeded.Huoqiu));
        return household;
    }

    [Fact]
    public async Task Eligible_registered_households_are_marked_and_the_others_get_their_reasons()
    {
        await using var registry = new RegistryFactory();
        var eligible = await QualifyingAsync(registry, Seeded.Qilipeng, wages: 1_800_000);
        var poor = await QualifyingAsync(registry, Seeded.Qilipeng, wages: 1_799_997);
        var housing = await QualifyingAsync(registry, Seeded.Donghu, wages: 2_400_000);
        await registry.SetGuaranteesAsync(housing.HouseholdId, GuaranteeState.NotMet);
        await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var income = registry.IncomeClient();

        var run = await income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Seeded.Huoqiu, Year = Year }, registry.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal((3, 1, 1, 0, 2), (run.Evaluated, run.Marked, run.NewlyMarked, run.Unmarked, run.NotEligibleTotal));
        Assert.Contains("below the poverty line", Assert.Single(run.NotEligible, n => n.HouseholdId == poor.HouseholdId).Reasons.Single());
        Assert.Equal("guarantee housing safety is not met", Assert.Single(run.NotEligible, n => n.HouseholdId == housing.HouseholdId).Reasons.Single());
        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = eligible.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(Year, read.Household.PreExitMarkedYear);
        Assert.Equal(GuaranteeState.Met, read.Household.Guarantees.Housing);

        await registry.SetGuaranteesAsync(eligible.HouseholdId, GuaranteeState.Unknown);
        var again = await income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Seeded.Huoqiu, Year = Year }, registry.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal((0, 0, 1, 3), (again.Marked, again.NewlyMarked, again.Unmarked, again.NotEligibleTotal));
        read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = eligible.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(0, read.Household.PreExitMarkedYear);
    }

    [Fact]
    public async Task Candidates_come_in_exit_order_page_by_page()
    {
        await using var registry = new RegistryFactory();
        var wideMargin = await QualifyingAsync(registry, Seeded.Qilipeng, wages: 2_400_000);
        var production = await QualifyingAsync(registry, Seeded.Donghu, wages: 1_830_000, pathway: AssistancePathway.ProductionAndEmployment);
        var planned = await QualifyingAsync(registry, Seeded.Qilipeng, wages: 1_800_000, plannedExitYear: Year);
        var income = registry.IncomeClient();
        await income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Seeded.Huoqiu, Year = Year }, registry.CountyOfficer(Seeded.Huoqiu));

        var seen = new List<ExitCandidate>();
        var request = new ListExitCandidatesRequest { RegionCode = Seeded.Huoqiu, Year = Year, Page = new PageRequest { PageSize = 2 } };
        do
        {
            var page = await income.ListExitCandidatesAsync(request, registry.As(PlatformRoles.Auditor, Seeded.Huoqiu));
            Assert.Equal(3, page.Page.TotalSize);
            seen.AddRange(page.Candidates);
            request.Page.PageToken = page.Page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        Assert.Equal([planned.HouseholdId, production.HouseholdId, wideMargin.HouseholdId], seen.Select(c => c.HouseholdId));
        Assert.Equal(200_000, seen[2].MarginOverLine.Fen);
        Assert.Equal(2025, seen[2].IncomeYear);
    }

    [Fact]
    public async Task Marking_is_for_county_officers_in_their_own_county_with_valid_fields()
    {
        await using var registry = new RegistryFactory();
        var income = registry.IncomeClient();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Seeded.Qilipeng, Year = Year }, registry.VillageOfficer()));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Seeded.Weishan, Year = Year }, registry.CountyOfficer(Seeded.Huoqiu)));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = "34", Year = 1990 }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["region_code", "year"], RpcAssert.InvalidFields(invalid));
        var token = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, income.ListExitCandidatesAsync(
            new ListExitCandidatesRequest { Year = Year, Page = new PageRequest { PageToken = "bm90LWEta2V5" } }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("page.page_token", RpcAssert.InvalidField(token));
        await RpcAssert.FailsAsync(StatusCode.NotFound, income.ListExitCandidatesAsync(
            new ListExitCandidatesRequest { RegionCode = Seeded.Xincun, Year = Year }, registry.CountyOfficer(Seeded.Huoqiu)));
    }
}
