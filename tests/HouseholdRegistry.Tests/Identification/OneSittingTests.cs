using Grpc.Net.Client;
using Pa.Registry.V1;
using Platform.Security;
using HouseholdStatus = Pa.Registry.V1.HouseholdStatus;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>
/// The README's local walk-through: with Registry:Policy:Years:2000:NoticeDays = 0 (what the
/// AppHost's Registry:NoticeDays=0 sets) a household goes from application to registration
/// without waiting, each step by the officer the README names. Without the setting the first
/// notice could not close the day it went up.
/// </summary>
public sealed class OneSittingTests
{
    [Fact]
    public async Task With_notice_days_zero_a_household_is_registered_in_one_sitting()
    {
        await using var registry = RegistryFactory.With(new Dictionary<string, string> { ["Registry:Policy:Years:2000:NoticeDays"] = "0" });
        using var channel = GrpcChannel.ForAddress(registry.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = registry.Server.CreateHandler() });
        var cases = new IdentificationService.IdentificationServiceClient(channel);
        var village = registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng, "village.li");
        var township = registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji, "township.zhang");
        var county = registry.As(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "county.wu");

        var household = (await registry.Households.CreateHouseholdApplicationAsync(Applications.Household(Seeded.Qilipeng), village)).Household;
        var caseId = (await cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = household.HouseholdId }, county)).Cases[^1].CaseId;
        await cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = caseId,
            Decision = StepDecision.Approve,
            Votes = new AppraisalVotes { InFavour = 9 },
            Minutes = "评议会",
        }, village);
        var reviewed = (await cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = caseId, Minutes = "村民代表会议" }, village)).Case;
        await cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = reviewed.Notices[^1].NoticeId }, village);
        await cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = caseId }, township);
        var approved = (await cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = caseId }, county)).Case;
        var closed = (await cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = approved.Notices[^1].NoticeId }, village)).Case;

        Assert.Equal(CaseOutcome.Registered, closed.Outcome);
        var registered = (await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, county)).Household;
        Assert.Equal(HouseholdStatus.Registered, registered.Status);
    }
}
