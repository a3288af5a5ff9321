namespace Platform.Relocation.Contracts;

/// <summary>
/// A relocated household moved into its unit at a resettlement site (易地扶贫搬迁入住).
/// OriginRegionCode is the village it left; SiteRegionCode is where the site lies.
/// </summary>
public sealed record HouseholdMovedIn(
    Guid HouseholdId,
    Guid SiteId,
    string OriginRegionCode,
    string SiteRegionCode,
    DateOnly MovedInOn,
    DateTime RecordedAt);

/// <summary>
/// A relocated family with labour wishing to work has no one employed (零就业家庭): a follow-up
/// case opened. The employment service can put its labourers first for referrals. OriginRegionCode
/// is the household's registry village; SiteRegionCode is where the family now lives.
/// </summary>
public sealed record ZeroEmploymentCaseOpened(
    Guid CaseId,
    Guid HouseholdId,
    Guid SiteId,
    string SiteRegionCode,
    IReadOnlyList<Guid> MembersSeekingWork,
    DateTime OpenedAt,
    string OriginRegionCode);

/// <summary>
/// A zero-employment case closed. Outcome is "Employed" (someone in the family is working,
/// EmploymentId names the job) or "NoLabourSeekingWork" (the registry or a survey shows no member
/// with labour capacity wishing to work any longer).
/// </summary>
public sealed record ZeroEmploymentCaseClosed(
    Guid CaseId,
    Guid HouseholdId,
    Guid SiteId,
    string SiteRegionCode,
    string Outcome,
    Guid? EmploymentId,
    DateTime ClosedAt,
    string OriginRegionCode);
