using Pa.Assistance.V1;

namespace Platform.Portal.Overview;

/// <summary>Households of a region with a guarantee finding, and how many of them meet each of the five guarantees.</summary>
public sealed record GuaranteeTally(long Households, IReadOnlyDictionary<string, long> Met)
{
    /// <summary>The five guarantees in the order officers say them (两不愁三保障 + 饮水安全), as Names.Guarantee knows them.</summary>
    public static readonly string[] Keys = ["food", "education", "medical", "housing", "water"];

    public long MetOf(string guarantee) => Met[guarantee];

    /// <summary>The assistance service's own per-guarantee counts of a region (its coverage).</summary>
    public static GuaranteeTally From(RegionCoverage coverage) => new(coverage.Households, new Dictionary<string, long>
    {
        ["food"] = coverage.HouseholdsFoodAndClothingMet,
        ["education"] = coverage.HouseholdsEducationMet,
        ["medical"] = coverage.HouseholdsMedicalMet,
        ["housing"] = coverage.HouseholdsHousingMet,
        ["water"] = coverage.HouseholdsWaterMet,
    });
}
