using Google.Protobuf.Collections;
using Platform.ServiceDefaults;
using Proto = Pa.Employment.V1;

namespace Platform.Employment.Projects;

/// <summary>
/// Field checks the project library's requests share that projects.proto cannot state. Lengths,
/// enums, at least one source and each share's bound are declared in the contract.
/// </summary>
public static class ProjectValidation
{
    /// <summary>The contract bounds the length; a text of spaces passes that but says nothing.</summary>
    public static string Text(string? text, bool required, FieldViolations violations, string field)
    {
        var trimmed = (text ?? "").Trim();
        violations.Check(!required || trimmed.Length > 0, field, "must not be blank");
        return trimmed;
    }

    /// <summary>
    /// Each source once; the budget is their sum, which may not pass the bound of a project budget
    /// either. The contract has bounded each share, so distinct sources cannot overflow their sum.
    /// </summary>
    public static List<FundingShare> Funding(RepeatedField<Proto.FundingShare> shares, FieldViolations violations)
    {
        var result = new List<FundingShare>();
        for (var i = 0; i < shares.Count; i++)
        {
            var source = ProjectMapping.FromProto<FundingSource, Proto.FundingSource>(shares[i].Source)!.Value;
            if (result.Any(r => r.Source == source))
            {
                violations.Add($"funding[{i}].source", "each source may appear once");
            }
            else
            {
                result.Add(new FundingShare { Source = source, AmountFen = shares[i].Amount.Fen });
            }
        }

        violations.Check(Total(result) <= MoneyLimits.ProjectBudgetFen,
            "funding", $"must add up to at most {MoneyLimits.ProjectBudgetFen} fen, the bound of a project budget");
        return result;
    }

    public static long Total(IEnumerable<FundingShare> shares) => shares.Aggregate(0L, (sum, s) => checked(sum + s.AmountFen));

    public static DateOnly NotInFuture(Pa.Common.V1.Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var day = date.ToDateOnly();
        violations.Check(day is not null, field, "must be a valid date");
        violations.Check(day is null || day <= today, field, "must not be in the future");
        return day ?? default;
    }
}
