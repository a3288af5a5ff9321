using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;

namespace Platform.Assistance.Education;

/// <summary>
/// 控辍保学 on every reassessment: opens a dropout-risk case for each child of compulsory-education
/// age who is neither enrolled nor exempt (at most one open case per child), and closes open cases
/// whose child is now enrolled or exempt, has left the age window or has left the household, naming
/// the record that closed it. Cases are never closed any other way.
/// </summary>
public sealed class DropoutCaseStep(TimeProvider time) : IAssessmentStep
{
    public async Task RunAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var standings = await CompulsoryEducation.StandingsAsync(db, households, day, ct);
        var householdIds = households.Select(h => h.Id).ToList();
        var homeOf = households
            .SelectMany(h => h.CurrentMembers.Select(m => (Member: m.Id, Household: h)))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.First().Household);
        var memberIds = homeOf.Keys.ToList();

        // Loaded into the tracker so that the rule finds them (and the new ones) through Local.
        await db.Set<DropoutCase>().Where(c => c.ClosedAt == null && (householdIds.Contains(c.HouseholdId) || memberIds.Contains(c.MemberId))).LoadAsync(ct);
        var open = db.Set<DropoutCase>().Local
            .Where(c => c.IsOpen && (householdIds.Contains(c.HouseholdId) || homeOf.ContainsKey(c.MemberId)))
            .ToList();

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var @case in open)
        {
            if (!homeOf.TryGetValue(@case.MemberId, out var home) || home.Id != @case.HouseholdId)
            {
                @case.Close(now, "the child left the household", $"member:{@case.MemberId}");
                continue;
            }

            @case.RegionCode = home.RegionCode;
            switch (standings.GetValueOrDefault(@case.MemberId))
            {
                case null:
                    @case.Close(now, "the child is no longer of compulsory-education age", $"member:{@case.MemberId}");
                    break;
                case { Kind: not ChildStandingKind.AtRisk } covered:
                    @case.Close(now, covered.Detail, covered.Record);
                    break;
            }
        }

        foreach (var standing in standings.Values.Where(s => s.Kind == ChildStandingKind.AtRisk))
        {
            if (open.Any(c => c.IsOpen && c.MemberId == standing.Child.Id && c.HouseholdId == standing.HouseholdId))
            {
                continue;
            }

            db.Set<DropoutCase>().Add(new DropoutCase
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = standing.HouseholdId,
                MemberId = standing.Child.Id,
                RegionCode = homeOf[standing.Child.Id].RegionCode,
                Reason = standing.Child.Schooling == SchoolingStatus.DroppedOut ? DropoutCaseReason.DroppedOutPerRegistry : DropoutCaseReason.NotEnrolled,
                OpenedAt = now,
            });
        }
    }
}
