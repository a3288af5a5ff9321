namespace Platform.Assistance.Contracts;

/// <summary>
/// The assessed status of a household's guarantees changed: 两不愁三保障 (food and clothing,
/// compulsory education, basic medical care, housing safety) plus safe drinking water. Each
/// status is "Met", "NotMet" or "Unknown"; Reasons explain the ones not met.
/// </summary>
public sealed record GuaranteeStatusChanged(
    Guid HouseholdId,
    string RegionCode,
    string FoodAndClothing,
    string Education,
    string Medical,
    string Housing,
    string Water,
    IReadOnlyList<string> Reasons,
    DateTime ChangedAt);

/// <summary>A household's out-of-pocket medical cost after insurance and medical assistance, in whole fen.</summary>
public sealed record MedicalExpenditureRecorded(
    Guid HouseholdId,
    Guid RecordId,
    int Year,
    long OutOfPocketFen,
    DateTime RecordedAt);
