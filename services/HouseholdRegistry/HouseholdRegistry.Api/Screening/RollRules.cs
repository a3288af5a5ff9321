using Pa.Registry.V1;
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
    /// <summary>Also header.batch_id's max_len in screening.proto.</summary>
    public const int MaxBatchIdLength = 64;

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

        // The contract's single-field rules, reported with the row like every other problem.
        foreach (var violation in RequestValidator.Shared.Check(row).Items)
        {
            Check(false, violation.Field, violation.Description);
        }

        // A malformed code is the contract's to report; a well-formed one must name a village of the batch the caller may see.
        if (problems.Skip(before).All(p => p.Field != "village_code") && VillageProblem(row.VillageCode, scope) is { } villageProblem)
        {
            Check(false, "village_code", villageProblem);
        }

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
        return new ValidRollRow(row.VillageCode, row.HeadName.Trim(), id, row.MemberCount, row.PerCapitaIncome!.Fen, row.MonthlyAllowance!.Fen);
    }

    private static string? VillageProblem(string code, RollScope scope)
    {
        if (!RegionCode.TryParse(code, out var village) || village.Level != RegionLevel.Village)
        {
            return "must be the 12-digit code of a village";
        }

        if (!scope.Caller.CanSee(village))
        {
            return $"is outside your region {scope.Caller.Region}";
        }

        if (!scope.County.Covers(village))
        {
            return $"is not in the batch's county {scope.County}";
        }

        return scope.KnownVillages.Contains(village.Value) ? null : "is not a village known to the registry";
    }
}
