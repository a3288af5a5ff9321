using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;

namespace Platform.Assistance.Housing;

/// <summary>
/// 住房安全有保障, "no one lives in a dangerous house, and no lived-in house is dangerous"
/// (危房不住人、住人无危房): decided by the latest appraisal. An A or B house meets it; a C or D house
/// meets it only once a renovation started on or after that appraisal has been accepted (for a
/// relocation instead, once the family has moved to the new home). A newer appraisal supersedes an
/// earlier acceptance, because it is newer evidence about the house the family lives in.
/// </summary>
public sealed class HousingRule : IGuaranteeRule
{
    public const string NotAppraisedReason = "the house has not been appraised";

    public Guarantee Guarantee => Guarantee.Housing;

    public static GuaranteeFinding Decide(IEnumerable<HouseAppraisal> appraisals, IEnumerable<RenovationProject> projects)
    {
        var latest = HouseAppraisal.Latest(appraisals);
        if (latest is null)
        {
            return GuaranteeFinding.Unknown(NotAppraisedReason);
        }

        var appraisal = $"grade {latest.Grade}, appraised on {latest.AppraisedOn:yyyy-MM-dd}";
        if (!latest.Dangerous)
        {
            return GuaranteeFinding.Met($"the house is safe ({appraisal})", $"appraisal:{latest.Id}");
        }

        var answering = Answering(latest, projects).ToList();
        var accepted = answering.Where(p => p.Status == RenovationStatus.Accepted).OrderBy(p => p.StatusChangedAt).LastOrDefault();
        if (accepted is not null)
        {
            var done = accepted.Kind == RenovationKind.RelocationInstead
                ? "the family moved to a relocation home instead"
                : $"the {Describe(accepted.Kind)} was accepted";
            return GuaranteeFinding.Met($"dangerous house ({appraisal}): {done} on {AcceptedOn(accepted):yyyy-MM-dd}", $"renovation:{accepted.Id}");
        }

        var current = CurrentProject(latest, projects);
        var project = current is null ? "no renovation project" : $"{Describe(current.Kind)} {Describe(current.Status)}";
        return GuaranteeFinding.NotMet($"dangerous house ({appraisal}); {project}", $"appraisal:{latest.Id}");
    }

    /// <summary>The project that shows how the dangerous house is being dealt with: the latest started on or after the appraisal, open ones first.</summary>
    public static RenovationProject? CurrentProject(HouseAppraisal appraisal, IEnumerable<RenovationProject> projects) =>
        Answering(appraisal, projects).OrderBy(p => p.Status != RenovationStatus.Cancelled).ThenBy(p => p.StartedOn).ThenBy(p => p.RecordedAt).LastOrDefault();

    public async Task<IReadOnlyDictionary<Guid, GuaranteeFinding>> AssessAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var ids = households.Select(h => h.Id).ToList();
        var appraisals = (await db.Set<HouseAppraisal>().Where(a => ids.Contains(a.HouseholdId)).ToListAsync(ct)).ToLookup(a => a.HouseholdId);
        var projects = (await db.Set<RenovationProject>().Include(p => p.Inspections).Where(p => ids.Contains(p.HouseholdId)).ToListAsync(ct)).ToLookup(p => p.HouseholdId);
        return appraisals.ToDictionary(g => g.Key, g => Decide(g, projects[g.Key]));
    }

    private static IEnumerable<RenovationProject> Answering(HouseAppraisal appraisal, IEnumerable<RenovationProject> projects) =>
        projects.Where(p => p.StartedOn >= appraisal.AppraisedOn);

    private static DateOnly AcceptedOn(RenovationProject project) =>
        project.Inspections.Where(i => i.Passed).Select(i => i.InspectedOn).DefaultIfEmpty(DateOnly.FromDateTime(project.StatusChangedAt)).Max();

    public static string Describe(RenovationKind kind) => kind switch
    {
        RenovationKind.Repair => "repair",
        RenovationKind.Rebuild => "rebuild",
        _ => "relocation instead",
    };

    public static string Describe(RenovationStatus status) => status switch
    {
        RenovationStatus.Planned => "planned",
        RenovationStatus.UnderConstruction => "under construction",
        RenovationStatus.Completed => "completed, not yet accepted",
        RenovationStatus.Accepted => "accepted",
        _ => "cancelled",
    };
}
