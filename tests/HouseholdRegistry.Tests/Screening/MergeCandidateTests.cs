using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Screening;

/// <summary>
/// Ten Huoqiu households in every state, one Weishan household, and the 低保 and 特困 rolls of both
/// counties (poverty line 6,000 yuan). Names: H = registry household, N = only on the 低保 roll.
/// </summary>
public sealed class MergeFixture : IAsyncLifetime
{
    public RegistryFactory Registry { get; } = new();

    public Dictionary<string, Household> Households { get; } = [];

    public async Task InitializeAsync()
    {
        (string Name, string Village, long Yuan, int Priorities, HouseholdStatus Status)[] households =
        [
            ("H1", Seeded.Qilipeng, 3000, 3, HouseholdStatus.Registered),
            ("H2", Seeded.Qilipeng, 2850, 3, HouseholdStatus.Registered),
            ("H3", Seeded.Donghu, 5000, 1, HouseholdStatus.Registered),
            ("H4", Seeded.Qilipeng, 800, 0, HouseholdStatus.Registered),
            ("H5", Seeded.Qilipeng, 2000, 0, HouseholdStatus.Applied),
            ("H6", Seeded.Qilipeng, 5000, 2, HouseholdStatus.Rejected),
            ("H7", Seeded.Qilipeng, 7000, 2, HouseholdStatus.Monitored),
            ("H8", Seeded.Qilipeng, 4000, 2, HouseholdStatus.Applied),
            ("H9", Seeded.Qilipeng, 6500, 1, HouseholdStatus.Exited),
            ("H10", Seeded.Donghu, 3000, 2, HouseholdStatus.Applied),
            ("W1", Seeded.Xincun, 100, 3, HouseholdStatus.Applied),
        ];
        var heads = new Dictionary<string, string>();
        foreach (var (name, village, yuan, priorities, status) in households)
        {
            var request = ScreeningKit.Household(village, yuan, priorities);
            heads[name] = request.Members[0].NationalId;
            Households[name] = await Registry.ApplyAsync(request);
            if (status != HouseholdStatus.Applied)
            {
                await Registry.SetStatusAsync(Households[name], status);
            }
        }

        // H3's recorded income (1,000 yuan) is what counts, not the 5,000 yuan it declared.
        var h3 = Guid.Parse(Households["H3"].HouseholdId);
        await Registry.QueryAsync(db => db.Households.Where(h => h.Id == h3).ExecuteUpdateAsync(s => s.SetProperty(h => h.CurrentIncomePerCapitaFen, 100_000L)));

        var officer = Registry.CountyOfficer(Seeded.Huoqiu);
        var today = Registry.Today();
        await Registry.ImportAsync(officer, ScreeningKit.Header("huoqiu-1", today.AddDays(-10)),
            ScreeningKit.Row(ScreeningKit.NewNationalId(), 500, Seeded.Donghu, "N3"),
            ScreeningKit.Row(heads["H1"], 3000, name: "H1"));
        await Registry.ImportAsync(officer, ScreeningKit.Header("huoqiu-2", today.AddDays(-5)),
            ScreeningKit.Row(heads["H1"], 3000, name: "H1"),
            ScreeningKit.Row(heads["H8"], 2500, name: "H8"),
            ScreeningKit.Row(heads["H9"], 1000, name: "H9"),
            ScreeningKit.Row(ScreeningKit.NewNationalId(), 1500, Seeded.Donghu, "N1"),
            ScreeningKit.Row(ScreeningKit.NewNationalId(), 4000, name: "N2"),
            ScreeningKit.Row(ScreeningKit.NewNationalId(), 6500, name: "R"));
        await Registry.ImportAsync(officer, ScreeningKit.Header("huoqiu-tekun", today.AddDays(-5), kind: AssistanceRollKind.ExtremePovertySupport),
            ScreeningKit.Row(heads["H4"], 300, name: "H4"));
        await Registry.ImportAsync(Registry.CountyOfficer(Seeded.Weishan), ScreeningKit.Header("weishan-1", today, Seeded.Weishan),
            ScreeningKit.Row(ScreeningKit.NewNationalId(Seeded.Weishan), 100, Seeded.Xincun, "W2"));
    }

    public async Task DisposeAsync() => await Registry.DisposeAsync();
}

public sealed class MergeCandidateTests(MergeFixture data) : IClassFixture<MergeFixture>
{
    private RegistryFactory Registry => data.Registry;

    private async Task<ListMergeCandidatesResponse> ListAsync(MergeCandidateList list, string region = "", PageRequest? page = null, CallOptions? options = null) =>
        await Registry.Screening().ListMergeCandidatesAsync(new ListMergeCandidatesRequest { List = list, RegionCode = region, Page = page },
            options ?? Registry.CountyOfficer(Seeded.Huoqiu));

    private IEnumerable<string> Ids(params string[] names) => names.Select(n => data.Households[n].HouseholdId);

    [Fact]
    public async Task The_poorest_current_allowance_households_not_registered_become_poor_household_candidates()
    {
        var response = await ListAsync(MergeCandidateList.PoorHouseholdCandidates);

        Assert.Equal(["N1", "H8", "N2"], response.Candidates.Select(c => c.HeadName));
        Assert.Equal(3, response.Page.TotalSize);
        Assert.Equal([150_000L, 250_000L, 400_000L], response.Candidates.Select(c => c.IncomePerCapita.Fen));
        Assert.All(response.Candidates, c => Assert.NotEmpty(c.RollEntryId));
        Assert.All(response.Candidates, c => Assert.Contains("below the poverty line 6000.00 yuan", c.Reason));
    }

    [Fact]
    public async Task A_poor_household_candidate_that_already_applied_shows_its_household()
    {
        var response = await ListAsync(MergeCandidateList.PoorHouseholdCandidates, Seeded.Qilipeng);

        Assert.Equal(["H8", "N2"], response.Candidates.Select(c => c.HeadName));
        var applied = response.Candidates[0];
        Assert.Equal((data.Households["H8"].HouseholdId, HouseholdStatus.Applied), (applied.HouseholdId, applied.Status));
        Assert.Equal([Priority.DangerousHouse, Priority.SeriousDisaster], applied.Priorities);
        Assert.Empty(response.Candidates[1].HouseholdId);
    }

    [Fact]
    public async Task Registered_households_on_no_allowance_roll_become_allowance_candidates_by_priorities_then_income()
    {
        var response = await ListAsync(MergeCandidateList.AllowanceCandidates);

        Assert.Equal(Ids("H2", "H3"), response.Candidates.Select(c => c.HouseholdId));
        Assert.Equal([285_000L, 100_000L], response.Candidates.Select(c => c.IncomePerCapita.Fen));
        Assert.Equal([Priority.SevereDisability, Priority.StudentInSchool, Priority.DangerousHouse], response.Candidates[0].Priorities);
        Assert.Equal("王建国", response.Candidates[0].HeadName);
        Assert.All(response.Candidates, c => Assert.Empty(c.RollEntryId));
    }

    [Fact]
    public async Task The_poorest_households_on_neither_list_become_candidates_for_both()
    {
        var response = await ListAsync(MergeCandidateList.CandidatesForBoth);

        Assert.Equal(Ids("H10", "H6", "H5"), response.Candidates.Select(c => c.HouseholdId));
        Assert.Equal([HouseholdStatus.Applied, HouseholdStatus.Rejected, HouseholdStatus.Applied], response.Candidates.Select(c => c.Status));
    }

    [Fact]
    public async Task Pages_continue_in_list_order()
    {
        var first = await ListAsync(MergeCandidateList.CandidatesForBoth, page: new PageRequest { PageSize = 2 });
        var second = await ListAsync(MergeCandidateList.CandidatesForBoth, page: new PageRequest { PageSize = 2, PageToken = first.Page.NextPageToken });

        Assert.Equal(Ids("H10", "H6"), first.Candidates.Select(c => c.HouseholdId));
        Assert.Equal(Ids("H5"), second.Candidates.Select(c => c.HouseholdId));
        Assert.Empty(second.Page.NextPageToken);
        Assert.Equal(3, second.Page.TotalSize);
    }

    [Fact]
    public async Task Applied_households_are_ordered_by_priorities_then_declared_income()
    {
        var county = await Registry.Screening().ListPriorityCandidatesAsync(new ListPriorityCandidatesRequest(), Registry.CountyOfficer(Seeded.Huoqiu));
        var village = await Registry.Screening().ListPriorityCandidatesAsync(new ListPriorityCandidatesRequest(), Registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng));

        Assert.Equal(Ids("H10", "H8", "H5"), county.Candidates.Select(c => c.HouseholdId));
        Assert.Equal([2, 2, 0], county.Candidates.Select(c => c.Priorities.Count));
        Assert.Equal(Ids("H8", "H5"), village.Candidates.Select(c => c.HouseholdId));
    }

    [Fact]
    public async Task Another_countys_lists_are_not_found_and_reads_are_audited()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, Registry.Screening().ListMergeCandidatesAsync(
            new ListMergeCandidatesRequest { List = MergeCandidateList.AllowanceCandidates, RegionCode = Seeded.Huoqiu }, Registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Registry.Screening().ListPriorityCandidatesAsync(
            new ListPriorityCandidatesRequest { RegionCode = Seeded.Qilipeng }, Registry.As(PlatformRoles.VillageOfficer, Seeded.Donghu)));

        var weishan = await ListAsync(MergeCandidateList.PoorHouseholdCandidates, options: Registry.As(PlatformRoles.DepartmentClient, Seeded.Weishan, "weishan-audit-probe"));
        Assert.Equal(["W2"], weishan.Candidates.Select(c => c.HeadName));
        var audit = await Registry.QueryAsync(db => db.AuditRecords.SingleAsync(a => a.Actor == "weishan-audit-probe"));
        Assert.Equal(("screening.merge_candidates.list", Seeded.Weishan), (audit.Action, audit.EntityId));
    }

    [Fact]
    public async Task Wrong_roles_are_denied_and_invalid_requests_name_their_fields()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Registry.Screening().ListMergeCandidatesAsync(
            new ListMergeCandidatesRequest { List = MergeCandidateList.AllowanceCandidates }, Registry.As(PlatformRoles.Operator, Seeded.Anhui)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Registry.Screening().ListPriorityCandidatesAsync(
            new ListPriorityCandidatesRequest(), Registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu)));

        var request = new ListMergeCandidatesRequest { RegionCode = "34", Page = new PageRequest { PageSize = -1, PageToken = "eA" } };
        var contract = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Registry.Screening().ListMergeCandidatesAsync(request, Registry.CountyOfficer(Seeded.Huoqiu)));

        // The contract's rules first (the region's form, common.proto's page size), then the handler's own (a list named, the page token).
        Assert.Equal(["region_code", "page.page_size"], RpcAssert.InvalidFields(contract));
        request.RegionCode = "";
        request.Page.PageSize = 0;
        var handler = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Registry.Screening().ListMergeCandidatesAsync(request, Registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["list", "page.page_token"], RpcAssert.InvalidFields(handler));
    }
}
