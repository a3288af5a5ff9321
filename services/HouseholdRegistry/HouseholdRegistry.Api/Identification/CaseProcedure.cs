using Google.Protobuf.WellKnownTypes;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Policy;
using Platform.Security;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>Who takes a step, as the archive keeps it.</summary>
public sealed record StepActor(string Subject, string Role, string Region)
{
    public static StepActor Of(Caller caller) => new(caller.Subject, caller.Role, caller.Region.Value);
}

/// <summary>What an officer writes down with a step: the reason, and the minutes and votes of a meeting.</summary>
public sealed record StepNotes(string Reason, string Minutes = "", AppraisalVotes? Votes = null);

/// <summary>
/// What each step does to a case, its notices and its household, in memory: the gRPC service has
/// already checked role, region and order, and saves the result in one transaction.
/// </summary>
public static class CaseProcedure
{
    /// <summary>Opens a case at its first step, archiving the opening (户申请 or the village's exit proposal).</summary>
    public static Case Open(Household household, CaseKind kind, StepActor actor, DateTime now)
    {
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Household = household,
            RegionCode = household.RegionCode,
            Kind = kind,
            Stage = CaseWorkflow.FirstStage(kind),
            OpenedAt = now,
            OpenForHouseholdId = household.Id,
        };
        AddStep(@case, CaseStage.Application, StepDecision.Open, actor, now, new StepNotes(""));
        return @case;
    }

    /// <summary>
    /// Approves the step the case waits for and moves it on; entering a notice step puts a notice up.
    /// Completing the case (closing its announcement) registers or exits the household.
    /// </summary>
    public static StepOutcome Approve(Case @case, StepActor actor, DateTime now, YearPolicy policy, StepNotes notes)
    {
        AddStep(@case, @case.Stage, StepDecision.Approve, actor, now, notes);
        var next = CaseWorkflow.After(@case.Kind, @case.Stage);
        if (next is not { } stage)
        {
            return Complete(@case, now, policy);
        }

        @case.Stage = stage;
        PutUpNoticeIfDue(@case, now, policy);
        return StepOutcome.MovedOn;
    }

    /// <summary>Takes the notice down as closed and moves the case on (closing the announcement completes it).</summary>
    public static StepOutcome CloseNotice(Case @case, Notice notice, StepActor actor, DateTime now, YearPolicy policy)
    {
        notice.Status = NoticeStatus.Closed;
        return Approve(@case, actor, now, policy, new StepNotes($"{notice.Kind} {notice.StartDate:yyyy-MM-dd}–{notice.EndDate:yyyy-MM-dd} closed"));
    }

    /// <summary>
    /// Closes the case as rejected. A rejected identification also rejects the household file and
    /// frees its members, so the same people may apply again in a new file; an exit leaves the
    /// household registered.
    /// </summary>
    public static void Reject(Case @case, StepActor actor, DateTime now, StepNotes notes)
    {
        AddStep(@case, @case.Stage, StepDecision.Reject, actor, now, notes);
        @case.Close(CaseOutcome.Rejected, now, notes.Reason);
        if (@case.Kind == CaseKind.Identification)
        {
            CloseHouseholdFile(@case.Household);
        }
    }

    /// <summary>Closes an identification case on 五不录 hits, naming each with its evidence.</summary>
    public static void Exclude(Case @case, IReadOnlyList<FiveExclusionHit> hits, StepActor actor, DateTime now)
    {
        var reason = FiveExclusions.Describe(hits);
        WithdrawOpenNotices(@case);
        AddStep(@case, @case.Stage, StepDecision.Exclude, actor, now, new StepNotes(reason));
        @case.ExcludedRules = hits.Select(h => h.Rule).ToList();
        @case.Close(CaseOutcome.Excluded, now, reason);
        CloseHouseholdFile(@case.Household);
    }

    /// <summary>
    /// A county officer's override of an exclusion: the case reopens where it was excluded, the
    /// household is an application again with its members active, and the household carries the override.
    /// </summary>
    public static void OverrideExclusion(Case @case, StepActor actor, DateTime now, YearPolicy policy, string reason)
    {
        AddStep(@case, @case.Stage, StepDecision.Override, actor, now, new StepNotes(reason));
        var household = @case.Household;
        var rules = (household.ScreeningOverride?.OverriddenRules ?? []).Union(@case.ExcludedRules);
        household.ScreeningOverride = new ScreeningOverride { By = actor.Subject, At = Timestamp.FromDateTime(now), Reason = reason, OverriddenRules = { rules } };
        household.Status = HouseholdStatus.Applied;
        household.Members.ForEach(m => m.IsActive = true);
        @case.Reopen();

        // The exclusion took the notice down; the village sees the case for its full notice period again.
        PutUpNoticeIfDue(@case, now, policy);
    }

    /// <summary>The hits no override of the household covers.</summary>
    public static IReadOnlyList<FiveExclusionHit> UncoveredHits(Household household) =>
        FiveExclusions.Evaluate(household.Facts)
            .Where(h => household.ScreeningOverride?.OverriddenRules.Contains(h.Rule) != true)
            .ToList();

    public static Objection FileObjection(Case @case, Notice notice, StepActor actor, DateTime now, string objectorName, string content, string evidence)
    {
        var objection = new Objection
        {
            Id = Guid.CreateVersion7(),
            Notice = notice,
            FiledBy = actor.Subject,
            FiledByRole = actor.Role,
            ObjectorName = objectorName,
            Content = content,
            Evidence = evidence,
            FiledAt = now,
        };
        notice.Objections.Add(objection);
        @case.Version++;
        return objection;
    }

    /// <summary>
    /// Records the finding. An upheld objection withdraws the notice and sends the case back to
    /// village review, whose next approval puts up a new notice; a dismissed one leaves the notice up.
    /// </summary>
    public static void ResolveObjection(Case @case, Notice notice, Objection objection, bool upheld, string finding, StepActor actor, DateTime now)
    {
        objection.Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        objection.Finding = finding;
        objection.ResolvedBy = actor.Subject;
        objection.ResolvedAt = now;
        @case.Version++;
        if (upheld)
        {
            notice.Status = NoticeStatus.Withdrawn;
            AddStep(@case, @case.Stage, StepDecision.Return, actor, now, new StepNotes($"Objection upheld: {finding}"));
            @case.Stage = CaseStage.VillageReview;
        }
    }

    private static StepOutcome Complete(Case @case, DateTime now, YearPolicy policy)
    {
        var household = @case.Household;
        if (@case.Kind == CaseKind.Exit)
        {
            household.Status = HouseholdStatus.Exited;
            household.ExitedAt = now;
            household.SupportUntil = DateOnly.FromDateTime(now).AddYears(policy.PostExitSupportYears);
            @case.Close(CaseOutcome.Exited, now, "Exit announced");
            return new StepOutcome.Exited(new HouseholdExited(household.Id, household.RegionCode, now, household.SupportUntil.Value));
        }

        household.Status = HouseholdStatus.Registered;
        household.RegisteredAt = now;
        household.IncomePerCapitaAtRegistrationFen = household.CurrentIncomePerCapitaFen ?? household.DeclaredIncomePerCapitaFen;
        @case.Close(CaseOutcome.Registered, now, "Registration announced");
        return new StepOutcome.Registered(household.ToRegistered());
    }

    private static void PutUpNoticeIfDue(Case @case, DateTime now, YearPolicy policy)
    {
        if (!CaseWorkflow.IsNotice(@case.Stage))
        {
            return;
        }

        var today = DateOnly.FromDateTime(now);
        @case.Notices.Add(new Notice
        {
            Id = Guid.CreateVersion7(),
            Case = @case,
            VillageCode = @case.RegionCode,
            Kind = CaseWorkflow.NoticeKindOf(@case.Stage),
            StartDate = today,
            EndDate = NoticeRules.EndDate(today, policy.NoticeDays),
        });
    }

    private static void WithdrawOpenNotices(Case @case)
    {
        foreach (var notice in @case.Notices.Where(n => n.Status == NoticeStatus.Open))
        {
            notice.Status = NoticeStatus.Withdrawn;
        }
    }

    private static void CloseHouseholdFile(Household household)
    {
        household.Status = HouseholdStatus.Rejected;
        household.Members.ForEach(m => m.IsActive = false);
    }

    private static void AddStep(Case @case, CaseStage stage, StepDecision decision, StepActor actor, DateTime at, StepNotes notes)
    {
        @case.Steps.Add(new CaseStep
        {
            Stage = stage,
            Decision = decision,
            Actor = actor.Subject,
            ActorRole = actor.Role,
            ActorRegion = actor.Region,
            At = at,
            Reason = notes.Reason,
            VotesInFavour = notes.Votes?.InFavour,
            VotesAgainst = notes.Votes?.Against,
            VotesAbstaining = notes.Votes?.Abstaining,
            Minutes = notes.Minutes,
        });
        @case.Version++;
    }
}
