using Pa.Assistance.V1;
using Pa.Common.V1;

namespace Platform.Assistance.Tests.Water;

/// <summary>Request builders shared by the water tests.</summary>
internal static class WaterRequests
{
    public static WaterDimensionCheck Meets(bool meets = true, double? value = null, string note = "")
    {
        var check = new WaterDimensionCheck { Meets = meets, Note = note };
        if (value is { } v)
        {
            check.MeasuredValue = v;
        }

        return check;
    }

    public static Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static RecordWaterAssessmentRequest Assessment(Guid householdId, DateOnly on, bool quantity = true, bool quality = true, bool convenience = true, bool reliability = true) => new()
    {
        HouseholdId = householdId.ToString(),
        Quantity = Meets(quantity, 60),
        Quality = Meets(quality),
        Convenience = Meets(convenience, 5),
        Reliability = Meets(reliability, 95),
        AssessedOn = Date(on),
        Assessor = "county water bureau inspector",
    };

    public static CreateWaterProjectRequest Project(string village, string name = "Pipe extension to the upper hamlet") => new()
    {
        Name = name,
        Kind = WaterProjectKind.PipeExtension,
        VillageCode = village,
        Budget = new Money { Fen = 12_500_000 },
        Fixes = { WaterDimension.Convenience, WaterDimension.Reliability },
    };
}
