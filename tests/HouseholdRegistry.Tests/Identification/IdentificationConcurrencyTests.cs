using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>
/// Officers of one village taking the same step of one case at the same moment: the archive keeps
/// one step, the case moves on once, and the others are told to read the case again.
/// </summary>
public sealed class IdentificationConcurrencyTests
{
    private const int Officers = 4;

    [Fact]
    public async Task Officers_appraising_one_case_at_once_archive_one_appraisal_and_the_case_follows_that_decision_alone()
    {
        await using var h = new IdentificationHarness();
        for (var round = 0; round < 3; round++)
        {
            var (_, @case) = await h.ApplyAsync();

            // Half approve and half reject: whichever officer wins, the case must show that decision only.
            var outcomes = await Race.RunAsync(Officers, i => h.Cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
            {
                CaseId = @case.CaseId,
                Decision = i % 2 == 0 ? StepDecision.Approve : StepDecision.Reject,
                Reason = i % 2 == 0 ? "" : "收入高于标准",
                Votes = new AppraisalVotes { InFavour = 9, Against = 3 },
                Minutes = $"三组评议会, 记录人 {i}",
            }, Officer(h, i)).ResponseAsync);

            Race.AssertOneWinner(outcomes, StatusCode.FailedPrecondition, StatusCode.Aborted);
            var winner = Array.IndexOf(outcomes, StatusCode.OK);
            var stored = (await h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = @case.CaseId }, h.County)).Case;
            var step = Assert.Single(stored.Steps, s => s.Stage == CaseStage.GroupAppraisal);
            Assert.Equal($"village.{winner}", step.Actor);
            Assert.Equal(
                winner % 2 == 0 ? (CaseStage.VillageReview, CaseOutcome.Open, 0) : (CaseStage.GroupAppraisal, CaseOutcome.Rejected, 0),
                (stored.Stage, stored.Outcome, stored.Notices.Count));
        }
    }

    [Fact]
    public async Task Officers_closing_the_announcement_at_once_register_the_household_once()
    {
        await using var h = new IdentificationHarness();
        var (household, @case) = await h.ApplyAsync();
        await h.AppraiseAsync(@case.CaseId);
        @case = await h.CloseOpenNoticeAsync(await h.ReviewAsync(@case.CaseId));
        await h.Cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = @case.CaseId }, h.Township);
        @case = (await h.Cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = @case.CaseId }, h.County)).Case;
        var announcement = h.PassOpenNotice(@case);

        var outcomes = await Race.RunAsync(Officers, i =>
            h.Cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = announcement.NoticeId }, Officer(h, i)).ResponseAsync);

        Race.AssertOneWinner(outcomes, StatusCode.FailedPrecondition, StatusCode.Aborted);
        var stored = (await h.Cases.GetCaseAsync(new GetCaseRequest { CaseId = @case.CaseId }, h.County)).Case;
        Assert.Equal(CaseOutcome.Registered, stored.Outcome);
        Assert.Single(stored.Steps, s => s.Stage == CaseStage.Announcement);
        Assert.Equal(1, await h.Registry.QueryAsync(db => db.OutboxMessages
            .CountAsync(m => m.AggregateKey == household.HouseholdId && m.MessageType.StartsWith(typeof(HouseholdRegistered).FullName!))));
    }

    private static CallOptions Officer(IdentificationHarness h, int i) => h.Registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng, $"village.{i}");
}
