using Pa.Registry.V1;
using Platform.HouseholdRegistry.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Screening;

public sealed record ValidRollHeader(string BatchId, AssistanceRollKind Kind, DateOnly AsOf, RegionCode County);

public sealed record ValidRollRow(string VillageCode, string HeadName, NationalIdFacts HeadId, int MemberCount, long PerCapitaIncomeFen, long MonthlyAllowanceFen);

/// <summary>Where the rows of one batch may lie: villages of the batch's county known to the registry, within the caller's scope.</summary>
public sealed record RollScope(Caller Caller, RegionCode County, IReadOnlySet<string> KnownVillages, DateOnly Today);

/// <summary>
/// Checks an upload of a civil-affairs roll (低保, 特困). The header must be right or nothing is
/// imported; each row is checked on its own, so one bad row never costs the good ones.
/// </summary>
public static class RollRules
{
    public const int MaxBatchIdLength = 64;
    public const int MaxMemberCount = 30;

    /// <summary>Problems reported in one result; more would make the answer too large to be useful.</summary>
    public const int MaxReportedProblems = 1_000;

    public static ValidRollHeader? ValidateHeader(AssistanceRollHeader? header, DateOnly today, FieldViolations violations)
    {
        if (header is null)
        {
            violations.Add("header", "the first message must be the header");
            return null;
        }

        var batchId = header.BatchId.Trim();
        violations.Check(batchId.Length is > 0 and <= MaxBatchIdLength, "header.batch_id", $"is required, at most {MaxBatchIdLength} characters");
        violations.Check(header.RollKind != AssistanceRollKind.Unspecified && Enum.IsDefined(header.RollKind), "header.roll_kind", "must name the roll");
        var asOf = header.AsOf.ToDateOnly();
        violations.Check(asOf is not null && asOf <= today, "header.as_of", "must be a real date, not in the future");
        violations.Check(RegionCode.TryParse(header.CountyCode, out var county) && county.Level == RegionLevel.County,
            "header.county_code", "must be the 12-digit code of a county");
        return violations.Any ? null : new ValidRollHeader(batchId, header.RollKind, asOf!.Value, county);
    }

    /// <summary>
    /// Checks one row. <paramref name="seenIds"/> maps each head's ID already accepted in this batch
    /// to its row number, so the same household cannot appear twice.
    /// </summary>
    public static ValidRollRow? ValidateRow(AssistanceRollRow row, int rowNumber, RollScope scope, IDictionary<string, int> seenIds, List<RollRowProblem> problems)
    {
        var before = problems.Count;
        void Check(bool valid, string field, string reason)
        {
            if (!valid)
            {
                problems.Add(new RollRowProblem { RowNumber = rowNumber, Field = field, Reason = reason });
            }
        }

        if (!RegionCode.TryParse(row.VillageCode, out var village) || village.Level != RegionLevel.Village)
        {
            Check(false, "village_code", "must be the 12-digit code of a village");
        }
        else if (!scope.Caller.CanSee(village))
        {
            Check(false, "village_code", $"is outside your region {scope.Caller.Region}");
        }
        else if (!scope.County.Covers(village))
        {
            Check(false, "village_code", $"is not in the batch's county {scope.County}");
        }
        else
        {
            Check(scope.KnownVillages.Contains(village.Value), "village_code", "is not a village known to the registry");
        }

        var name = row.HeadName.Trim();
        Check(name.Length is > 0 and <= ApplicationRules.MaxNameLength, "head_name", $"is required, at most {ApplicationRules.MaxNameLength} characters");
        Check(row.MemberCount is >= 1 and <= MaxMemberCount, "member_count", $"must be 1 to {MaxMemberCount}");
        Check(row.PerCapitaIncome is { Fen: >= 0 and <= MoneyLimits.YearlyIncomeFen }, "per_capita_income", $"is required: {MoneyLimits.UpTo(MoneyLimits.YearlyIncomeFen)}");
        Check(row.MonthlyAllowance is { Fen: >= 0 and <= MoneyLimits.MonthlyIncomeFen }, "monthly_allowance", $"is required: {MoneyLimits.UpTo(MoneyLimits.MonthlyIncomeFen)}");

        var idProblem = NationalId.Check(row.HeadNationalId, scope.Today, out var id);
        Check(idProblem == NationalIdProblem.None, "head_national_id", NationalId.Describe(idProblem));
        if (idProblem == NationalIdProblem.None && seenIds.TryGetValue(id.Normalized, out var earlier))
        {
            Check(false, "head_national_id", $"already appears in row {earlier}");
        }

        if (problems.Count > before)
        {
            return null;
        }

        seenIds[id.Normalized] = rowNumber;
        return new ValidRollRow(village.Value, name, id, row.MemberCount, row.PerCapitaIncome!.Fen, row.MonthlyAllowance!.Fen);
    }
}
