using Pa.Registry.V1;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Policy;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// Checks households migrated from the national registration system (建档立卡 migration): the
/// application's rules for the shared fields, plus the registration history the source carries.
/// </summary>
public static class ImportRules
{
    /// <summary>Registration (建档立卡) began nationally in 2014; no registered household predates it.</summary>
    public const int FirstRegistrationYear = 2014;

    public static void ValidateHeader(ImportHeader header, FieldViolations violations)
    {
        // batch_id's pattern, source's length and registered's range are in import.proto; checked
        // here too so the import's own rules see one complete list of the header's problems.
        foreach (var v in RequestValidator.Shared.Check(header).Items)
        {
            violations.Add($"header.{v.Field}", v.Description);
        }

        violations.Check(header.Source.Trim().Length > 0, "header.source", "must not be blank");
    }

    /// <summary>
    /// Every problem of one household, with field paths inside <see cref="ImportedHousehold"/>. A
    /// household outside the caller's region, or in a village the registry does not know, is bad.
    /// </summary>
    public static IReadOnlyList<ValidMember> Validate(ImportedHousehold household, DateTime now, Caller caller, IReadOnlySet<string> villages, FieldViolations violations)
    {
        // The contract's field rules for one household, checked here rather than for the whole
        // stream message (import.proto says why), then the rules that need the registry.
        RequestValidator.Shared.Check(household, violations);
        var thisYear = now.Year;
        var registeredAt = household.RegisteredAt?.ToDateTime();
        violations.Check(household.Status is HouseholdStatus.Registered or HouseholdStatus.Exited, "status", "must be REGISTERED or EXITED");
        violations.Check(registeredAt is { } r && r.Year >= FirstRegistrationYear && r <= now,
            "registered_at", $"is required, from {FirstRegistrationYear} and not in the future");

        var exitedAt = household.ExitedAt?.ToDateTime();
        if (household.Status == HouseholdStatus.Exited)
        {
            violations.Check(exitedAt is { } e && e <= now && (registeredAt is null || e >= registeredAt), "exited_at", "is required for an exited household, after registered_at and not in the future");
        }
        else
        {
            violations.Check(exitedAt is null, "exited_at", "must be unset unless the household exited");
        }

        violations.Check(household.IncomePerCapitaAtRegistration is null || household.IncomePerCapitaAtRegistration.Fen is >= 0 and <= MoneyLimits.YearlyIncomeFen,
            "income_per_capita_at_registration.fen", MoneyLimits.UpTo(MoneyLimits.YearlyIncomeFen));
        var incomeYearLow = registeredAt?.Year ?? FirstRegistrationYear;
        if (household.CurrentIncomePerCapita is null)
        {
            violations.Check(household.CurrentIncomeYear == 0, "current_income_year", "must be 0 when current_income_per_capita is unset");
        }
        else
        {
            violations.Check(household.CurrentIncomePerCapita.Fen is >= 0 and <= MoneyLimits.YearlyIncomeFen, "current_income_per_capita.fen", MoneyLimits.UpTo(MoneyLimits.YearlyIncomeFen));
            violations.Check(household.CurrentIncomeYear >= incomeYearLow && household.CurrentIncomeYear <= thisYear,
                "current_income_year", $"must be a year from registration to {thisYear}");
        }

        if (household.Application is not { } application)
        {
            violations.Add("application", "is required");
            return [];
        }

        violations.Check(application.PlannedExitYear == 0 || (application.PlannedExitYear >= FirstRegistrationYear && application.PlannedExitYear <= thisYear + 10),
            "application.planned_exit_year", $"must be 0 (not planned) or a year from {FirstRegistrationYear} to {thisYear + 10}");

        var applicationViolations = new FieldViolations();
        var members = ApplicationRules.ValidateHousehold(application, DateOnly.FromDateTime(now), applicationViolations);
        foreach (var v in applicationViolations.Items)
        {
            violations.Add($"application.{v.Field}", v.Description);
        }

        if (RegionCode.TryParse(application.RegionCode, out var village) && village.Level == RegionLevel.Village)
        {
            violations.Check(caller.CanSee(village), "application.region_code", $"is outside your region {caller.Region}");
            violations.Check(villages.Contains(village.Value), "application.region_code", "is not a village known to the registry");
        }

        return members;
    }

    /// <summary>Last day an exited household keeps its policies (脱贫不脱政策): the exit date plus the exit year's support period.</summary>
    public static DateOnly SupportUntil(DateTime exitedAt, YearPolicy policy) =>
        DateOnly.FromDateTime(exitedAt).AddYears(policy.PostExitSupportYears);
}
