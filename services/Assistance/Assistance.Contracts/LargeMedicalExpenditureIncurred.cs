namespace Platform.Assistance.Contracts;

/// <summary>
/// What a household paid out of pocket for medical care in a year (all hospitalisation records,
/// non-compliant costs included) first exceeded the year's share of its net income (大病支出型:
/// large rigid medical expenditure, a return-to-poverty trigger). Published once per crossing:
/// again only after the household fell back below the share and crossed it anew. Amounts in whole fen.
/// </summary>
public sealed record LargeMedicalExpenditureIncurred(
    Guid HouseholdId,
    string RegionCode,
    int Year,
    long OutOfPocketFen,
    long NetIncomeFen,
    DateTime RecordedAt);
