using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Guarantees;

/// <summary>The day an assessment is made and the thresholds of its year.</summary>
public sealed record AssessmentDay(DateOnly Date, YearPolicy Policy);

/// <summary>
/// Decides one guarantee for a batch of households (members loaded). Each area (education,
/// health, housing, water, the village's food-and-clothing declaration) loads its own records
/// for the batch in a few queries and applies its pure rule. A household missing from the
/// answer is Unknown.
/// </summary>
public interface IGuaranteeRule
{
    Guarantee Guarantee { get; }

    Task<IReadOnlyDictionary<Guid, GuaranteeFinding>> AssessAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct);
}
