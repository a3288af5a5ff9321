using Grpc.Core;
using Grpc.Net.Client;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>An IdentificationService client on a registry of its own, with officers of Qilipeng village, Changji township and Huoqiu county.</summary>
public sealed class IdentificationHarness : IAsyncDisposable
{
    private readonly GrpcChannel _channel;

    public IdentificationHarness()
    {
        _channel = GrpcChannel.ForAddress(Registry.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Registry.Server.CreateHandler() });
        Cases = new IdentificationService.IdentificationServiceClient(_channel);
    }

    public RegistryFactory Registry { get; } = new();

    public IdentificationService.IdentificationServiceClient Cases { get; }

    public CallOptions Village => Registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng, "village.li");

    public CallOptions Township => Registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji, "township.zhang");

    public CallOptions County => Registry.As(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "county.wu", personalData: true);

    /// <summary>
    /// Qualifies a registered household for exit the way a county does: the village records an income
    /// survey above the line, the assistance service's guarantee status arrives (stored as its consumer
    /// would), and the county runs pre-exit marking (预脱贫标注) for the village.
    /// </summary>
    public async Task MarkForExitAsync(string householdId)
    {
        var year = Registry.Clock.GetUtcNow().Year;
        await Registry.IncomeClient().RecordIncomeSurveyAsync(Income.IncomeTestKit.Survey(householdId, year, wages: 3_000_000), Village);
        await Registry.SetGuaranteesAsync(householdId);
        await Registry.IncomeClient().RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Seeded.Qilipeng, Year = year }, County);
    }

    public async Task<(Household Household, Case Case)> ApplyAsync(CreateHouseholdApplicationRequest? request = null)
    {
        var household = await Registry.ApplyAsync(request ?? Applications.Household(Seeded.Qilipeng));
        var history = await Cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = household.HouseholdId }, County);
        return (household, history.Cases[^1]);
    }

    public Task<AppraiseInGroupResponse> AppraiseAsync(string caseId) => Cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
    {
        CaseId = caseId,
        Decision = StepDecision.Approve,
        Votes = new AppraisalVotes { InFavour = 11, Against = 1, Abstaining = 2 },
        Minutes = "三组评议会, 14 人到会",
    }, Village).ResponseAsync;

    public async Task<Case> ReviewAsync(string caseId) =>
        (await Cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = caseId, Minutes = "村民代表会议纪要" }, Village)).Case;

    /// <summary>Moves the clock to the notice's end date and closes it as the village officer.</summary>
    public async Task<Case> CloseOpenNoticeAsync(Case @case)
    {
        var notice = PassOpenNotice(@case);
        return (await Cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = notice.NoticeId }, Village)).Case;
    }

    /// <summary>Moves the clock to the end date of the case's open notice, so it may close; returns the notice.</summary>
    public Notice PassOpenNotice(Case @case)
    {
        var notice = @case.Notices.Single(n => n.Status == NoticeStatus.Open);
        var end = new DateTimeOffset(notice.EndDate.Year, notice.EndDate.Month, notice.EndDate.Day, 1, 0, 0, TimeSpan.Zero);
        if (end > Registry.Clock.GetUtcNow())
        {
            Registry.Clock.SetUtcNow(end);
        }

        return notice;
    }

    /// <summary>Every step from application to registered.</summary>
    public async Task<(Household Household, Case Case)> RegisterAsync(CreateHouseholdApplicationRequest? request = null)
    {
        var (household, @case) = await ApplyAsync(request);
        await AppraiseAsync(@case.CaseId);
        @case = await CloseOpenNoticeAsync(await ReviewAsync(@case.CaseId));
        await Cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = @case.CaseId }, Township);
        @case = (await Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = @case.CaseId }, County)).Case;
        @case = await CloseOpenNoticeAsync(@case);
        return (household, @case);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Registry.DisposeAsync();
    }
}
