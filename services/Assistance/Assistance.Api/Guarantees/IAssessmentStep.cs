using Platform.Assistance.Data;
using Platform.Assistance.Households;

namespace Platform.Assistance.Guarantees;

/// <summary>
/// Work that must follow every reassessment of a household before its rules run, such as opening a
/// dropout-risk case for a child who is neither enrolled nor exempt. A step may add or change
/// tracked entities (they commit with the assessment) but never saves. Rules see its changes only
/// through the tracked entities it hands them, so a step keeps what it writes findable by its rule.
/// </summary>
public interface IAssessmentStep
{
    Task RunAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct);
}
