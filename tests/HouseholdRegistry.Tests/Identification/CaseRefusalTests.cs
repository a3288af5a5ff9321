using Pa.Registry.V1;
using Platform.HouseholdRegistry.Identification;
using Platform.Security;
using Notice = Platform.HouseholdRegistry.Identification.Notice;
using Objection = Platform.HouseholdRegistry.Identification.Objection;

namespace Platform.HouseholdRegistry.Tests.Identification;

/// <summary>When a case, a notice or an objection refuses a step: each rule's edge, both sides.</summary>
public sealed class CaseRefusalTests
{
    [Theory]
    [InlineData(CaseOutcome.Open, CaseStage.GroupAppraisal, PlatformRoles.VillageOfficer, null)]
    [InlineData(CaseOutcome.Open, CaseStage.CountyApproval, PlatformRoles.CountyOfficer, null)]
    [InlineData(CaseOutcome.Open, CaseStage.GroupAppraisal, PlatformRoles.TownshipOfficer, "cannot reject")]
    [InlineData(CaseOutcome.Open, CaseStage.VillageNotice, PlatformRoles.VillageOfficer, "challenged by an objection")]
    [InlineData(CaseOutcome.Rejected, CaseStage.GroupAppraisal, PlatformRoles.VillageOfficer, "closed (Rejected)")]
    public void A_case_is_rejected_while_open_at_a_step_the_role_owns_that_is_not_a_notice(CaseOutcome outcome, CaseStage stage, string role, string? refusal) =>
        AssertRefusal(refusal, CaseWorkflow.WhyNotRejectable(outcome, stage, role));

    [Theory]
    [InlineData(CaseOutcome.Excluded, null)]
    [InlineData(CaseOutcome.Rejected, "Only an excluded case")]
    [InlineData(CaseOutcome.Open, "Only an excluded case")]
    public void Only_an_excluded_case_is_overridden(CaseOutcome outcome, string? refusal) =>
        AssertRefusal(refusal, CaseWorkflow.WhyNotOverridable(outcome));

    [Theory]
    [InlineData(NoticeStatus.Open, null)]
    [InlineData(NoticeStatus.Closed, "Closed; objections are filed while it is up")]
    [InlineData(NoticeStatus.Withdrawn, "Withdrawn")]
    public void Objections_are_filed_while_the_notice_is_up(NoticeStatus status, string? refusal) =>
        AssertRefusal(refusal, NoticeRules.WhyNoObjection(NewNotice(status)));

    [Theory]
    [InlineData(ObjectionStatus.Open, NoticeStatus.Open, null)]
    [InlineData(ObjectionStatus.Dismissed, NoticeStatus.Open, "already resolved (Dismissed)")]
    [InlineData(ObjectionStatus.Open, NoticeStatus.Withdrawn, "The notice is Withdrawn")]
    public void An_objection_gets_one_finding_while_its_notice_is_up(ObjectionStatus objection, NoticeStatus notice, string? refusal)
    {
        var open = new Objection { FiledBy = "li.wei", FiledByRole = PlatformRoles.VillageOfficer, ObjectorName = "张三", Content = "家中有货车", Status = objection };

        AssertRefusal(refusal, NoticeRules.WhyNotResolvable(NewNotice(notice), open));
    }

    [Theory]
    [InlineData(HouseholdStatus.Registered, 2026, null)]
    [InlineData(HouseholdStatus.Registered, 2025, "not marked for exit (预脱贫标注) in 2026")]
    [InlineData(HouseholdStatus.Registered, null, "not marked for exit")]
    [InlineData(HouseholdStatus.Exited, 2026, "Only a registered household can exit; this one is Exited")]
    [InlineData(HouseholdStatus.Monitored, 2026, "Only a registered household")]
    public void An_exit_case_opens_for_a_registered_household_marked_this_year(HouseholdStatus status, int? markedYear, string? refusal) =>
        AssertRefusal(refusal, ExitGate.WhyNotOpenable(status, markedYear, 2026));

    private static Notice NewNotice(NoticeStatus status) => new() { VillageCode = "341522104201", Status = status };

    private static void AssertRefusal(string? expected, string? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Contains(expected, actual);
        }
    }
}
