namespace Platform.HouseholdRegistry.Contracts;

/// <summary>
/// The county approved the household and the announcement closed: it is now a registered poor
/// household (建档立卡贫困户). Pathway is the planned way out ("ProductionAndEmployment",
/// "Education", "Relocation", "SocialSecurity" or "Unspecified").
/// </summary>
public sealed record HouseholdRegistered(
    Guid HouseholdId,
    string RegionCode,
    DateTime RegisteredAt,
    string PrimaryCause,
    string Pathway,
    int? PlannedExitYear,
    IReadOnlyList<MemberFacts> Members);

/// <summary>The members of a household changed (added, removed or their facts corrected); carries the full current list.</summary>
public sealed record HouseholdMembersChanged(
    Guid HouseholdId,
    string RegionCode,
    DateTime ChangedAt,
    IReadOnlyList<MemberFacts> Members);

/// <summary>
/// A year's income of a household was recorded or changed. Amounts are whole fen; per capita is
/// net income (income minus production costs) divided by the members counted that year.
/// </summary>
public sealed record HouseholdIncomeRecorded(
    Guid HouseholdId,
    string RegionCode,
    int Year,
    long NetIncomeFen,
    long PerCapitaNetIncomeFen,
    long RigidExpenditureFen,
    int MemberCount,
    DateTime RecordedAt);

/// <summary>The household exited poverty (脱贫出列); it keeps its policies until SupportUntil (脱贫不脱政策).</summary>
public sealed record HouseholdExited(
    Guid HouseholdId,
    string RegionCode,
    DateTime ExitedAt,
    DateOnly SupportUntil);

/// <summary>An exited household returned to poverty and was registered again (返贫入列).</summary>
public sealed record HouseholdReentered(
    Guid HouseholdId,
    string RegionCode,
    DateTime ReenteredAt,
    string Reason);

/// <summary>
/// The household's return-to-poverty monitoring category (防返贫监测) changed. Categories:
/// "None", "UnstableExited", "MarginalAtRisk", "SuddenHardship".
/// </summary>
public sealed record MonitoringCategoryChanged(
    Guid HouseholdId,
    string RegionCode,
    string PreviousCategory,
    string Category,
    string Reason,
    DateTime ChangedAt);

/// <summary>A helper cadre (帮扶责任人) was paired with the household. Carries no phone number.</summary>
public sealed record HelperAssigned(
    Guid HouseholdId,
    string RegionCode,
    Guid HelperId,
    string HelperName,
    string WorkUnit,
    DateTime AssignedAt);
