using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;

namespace Platform.Assistance.Water;

/// <summary>A project serving a household, as the water rule names it.</summary>
public sealed record ServingProject(Guid Id, string Name, WaterProjectStatus Status, DateOnly? CompletedOn, DateTime? CompletedAt);

/// <summary>
/// 饮水安全有保障: met only when the household's latest assessment meets all four dimensions.
/// A completed project does not count by itself; the assessment made after it does.
/// </summary>
public sealed class WaterRule : IGuaranteeRule
{
    public const string NotAssessed = "drinking water has not been assessed";

    public Guarantee Guarantee => Guarantee.Water;

    /// <summary>The assessment that counts: the latest assessment date, then the latest recorded.</summary>
    public static WaterAssessment? Latest(IEnumerable<WaterAssessment> assessments) =>
        assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt).ThenBy(a => a.Id).LastOrDefault();

    public static GuaranteeFinding Decide(WaterAssessment? latest, IReadOnlyCollection<ServingProject> projects)
    {
        var inProgress = projects.Where(p => p.Status != WaterProjectStatus.Completed)
            .Select(p => $"; project \"{p.Name}\" ({WaterProjectLifecycle.Describe(p.Status)}) serves the household");
        if (latest is null)
        {
            return GuaranteeFinding.Unknown(NotAssessed + string.Concat(inProgress));
        }

        var record = $"water-assessment:{latest.Id}";
        var failing = latest.FailingDimensions;
        if (failing.Count == 0)
        {
            return GuaranteeFinding.Met($"quantity, quality, convenience and reliability met (assessed on {latest.AssessedOn:yyyy-MM-dd})", record);
        }

        var awaiting = projects
            .Where(p => p is { Status: WaterProjectStatus.Completed, CompletedOn: { } on, CompletedAt: { } at } && !WaterProjectLifecycle.Answers(latest, on, at))
            .Select(p => $"; re-assessment due since project \"{p.Name}\" was completed on {p.CompletedOn:yyyy-MM-dd}");
        var names = string.Join(", ", failing.Select(d => d.ToString().ToLowerInvariant()));
        return GuaranteeFinding.NotMet($"fails {names} (assessed on {latest.AssessedOn:yyyy-MM-dd}){string.Concat(inProgress)}{string.Concat(awaiting)}", record);
    }

    public async Task<IReadOnlyDictionary<Guid, GuaranteeFinding>> AssessAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var ids = households.Select(h => h.Id).ToList();
        var assessments = (await db.Set<WaterAssessment>().Where(a => ids.Contains(a.HouseholdId)).ToListAsync(ct)).ToLookup(a => a.HouseholdId);
        var projects = (await db.Set<WaterProjectHousehold>().Where(s => ids.Contains(s.HouseholdId))
            .Join(db.Set<WaterProject>(), s => s.ProjectId, p => p.Id, (s, p) => new { s.HouseholdId, Project = new ServingProject(p.Id, p.Name, p.Status, p.CompletedOn, p.CompletedAt) })
            .ToListAsync(ct)).ToLookup(x => x.HouseholdId, x => x.Project);

        return ids.Where(id => assessments.Contains(id) || projects.Contains(id))
            .ToDictionary(id => id, id => Decide(Latest(assessments[id]), projects[id].OrderBy(p => p.Id).ToList()));
    }
}
