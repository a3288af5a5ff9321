using Pa.Registry.V1;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Policy;
using Case = Platform.HouseholdRegistry.Identification.Case;
using Household = Platform.HouseholdRegistry.Households.Household;
using Notice = Platform.HouseholdRegistry.Identification.Notice;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>
/// Takes a demo household's cases through the real case procedure up to its planned stage, with
/// back-dated steps a notice period apart, so the archive, notices and household fields look exactly
/// like those of a county that ran the workflow.
/// </summary>
public static class DemoCases
{
    private static readonly StepNotes Appraisal = new("组评议通过", "村民小组评议会议记录", new AppraisalVotes { InFavour = 23, Against = 2, Abstaining = 1 });

    /// <summary>The cases of the household and what their completions produced (registration, exit).</summary>
    public static (List<Case> Cases, List<StepOutcome> Completions) Drive(Household household, DemoStage stage, DateTime now, YearPolicy policy)
    {
        var village = new StepActor("demo-village-officer", Security.PlatformRoles.VillageOfficer, household.RegionCode);
        var township = new StepActor("demo-township-officer", Security.PlatformRoles.TownshipOfficer, household.RegionCode[..9] + "000");
        var county = new StepActor("demo-county-officer", Security.PlatformRoles.CountyOfficer, household.RegionCode[..6] + "000000");
        var gap = TimeSpan.FromDays(policy.NoticeDays + 1);
        var completions = new List<StepOutcome>();
        var at = household.AppliedAt;
        var identification = CaseProcedure.Open(household, CaseKind.Identification, village, at);
        var cases = new List<Case> { identification };

        // Identification steps in order; each entry says how far the planned stage goes.
        var steps = new (DemoStage Reached, Func<DateTime, StepOutcome> Take)[]
        {
            (DemoStage.GroupAppraised, t => CaseProcedure.Approve(identification, village, t, policy, Appraisal)),
            (DemoStage.OnVillageNotice, t => CaseProcedure.Approve(identification, village, t, policy, new StepNotes("村民代表大会审查通过"))),
            (DemoStage.VillageNoticeClosed, t => CaseProcedure.CloseNotice(identification, OpenNotice(identification), village, t, policy)),
            (DemoStage.TownshipChecked, t => CaseProcedure.Approve(identification, township, t, policy, new StepNotes("乡镇审核通过"))),
            (DemoStage.OnAnnouncement, t => CaseProcedure.Approve(identification, county, t, policy, new StepNotes("县级审定通过"))),
            (DemoStage.Registered, t => CaseProcedure.CloseNotice(identification, OpenNotice(identification), village, t, policy)),
        };
        if (stage == DemoStage.Rejected)
        {
            CaseProcedure.Approve(identification, village, at + gap, policy, Appraisal);
            CaseProcedure.Reject(identification, village, at + 2 * gap, new StepNotes("村民代表大会审查: 家庭收入高于识别标准"));
            return (cases, completions);
        }

        var target = stage is DemoStage.ExitOnNotice or DemoStage.Exited ? DemoStage.Registered : stage;
        foreach (var (reached, take) in steps.TakeWhile(s => s.Reached <= target))
        {
            at += gap;
            var outcome = take(at);
            if (outcome != StepOutcome.MovedOn)
            {
                completions.Add(outcome);
            }
        }

        if (stage is DemoStage.ExitOnNotice or DemoStage.Exited)
        {
            cases.Add(DriveExit(household, stage, now, policy, village, county, completions));
        }

        return (cases, completions);
    }

    private static Case DriveExit(Household household, DemoStage stage, DateTime now, YearPolicy policy, StepActor village, StepActor county, List<StepOutcome> completions)
    {
        var gap = TimeSpan.FromDays(policy.NoticeDays + 1);
        var at = stage == DemoStage.Exited ? now.AddMonths(-11) : now - gap / 2 - gap;
        household.PreExitMarkedYear = at.Year;
        var exit = CaseProcedure.Open(household, CaseKind.Exit, village, at);
        CaseProcedure.Approve(exit, village, at += gap / 2, policy, new StepNotes("村民代表大会: 收入稳定超过标准, 两不愁三保障达标"));
        if (stage == DemoStage.Exited)
        {
            CaseProcedure.CloseNotice(exit, OpenNotice(exit), village, at += gap, policy);
            CaseProcedure.Approve(exit, county, at += gap, policy, new StepNotes("县级审定退出"));
            completions.Add(CaseProcedure.CloseNotice(exit, OpenNotice(exit), village, at + gap, policy));
        }

        return exit;
    }

    private static Notice OpenNotice(Case @case) => @case.Notices.Single(n => n.Status == NoticeStatus.Open);

    /// <summary>How long the identification of a household at <paramref name="stage"/> has taken so far, so its last step lies in the recent past.</summary>
    public static TimeSpan Duration(DemoStage stage, YearPolicy policy) =>
        TimeSpan.FromDays((policy.NoticeDays + 1) * (stage switch
        {
            DemoStage.Applied => 0,
            DemoStage.GroupAppraised => 1,
            DemoStage.OnVillageNotice => 2,
            DemoStage.VillageNoticeClosed => 3,
            DemoStage.TownshipChecked => 4,
            DemoStage.OnAnnouncement => 5,
            DemoStage.Rejected => 2,
            _ => 6,
        }));
}
