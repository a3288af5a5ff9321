using Google.Protobuf.Collections;
using Platform.ServiceDefaults;
using Proto = Pa.Employment.V1;

namespace Platform.Employment.Projects;

/// <summary>Field checks the project library's requests share.</summary>
public static class ProjectValidation
{
    public static string Text(string? text, int maxLength, bool required, FieldViolations violations, string field)
    {
        var trimmed = (text ?? "").Trim();
        violations.Check(!required || trimmed.Length > 0, field, "is required");
        violations.Check(trimmed.Length <= maxLength, field, $"must be at most {maxLength} characters");
        return trimmed;
    }

    /// <summary>
    /// At least one source, each known, each once, each more than zero fen; the budget is their sum,
    /// and neither a share nor the sum may pass the bound of a project budget.
    /// </summary>
    public static List<FundingShare> Funding(RepeatedField<Proto.FundingShare> shares, FieldViolations violations)
    {
        violations.Check(shares.Count > 0, "funding", "must name at least one funding source");
        var result = new List<FundingShare>();
        for (var i = 0; i < shares.Count; i++)
        {
            var source = ProjectMapping.FromProto<FundingSource, Proto.FundingSource>(shares[i].Source);
            violations.Check(source is not null, $"funding[{i}].source", "must be one of the funding sources");
            violations.Check(shares[i].Amount is { Fen: > 0 and <= MoneyLimits.ProjectBudgetFen }, $"funding[{i}].amount", $"must be more than 0 and at most {MoneyLimits.ProjectBudgetFen} fen");
            if (source is { } s && result.Any(r => r.Source == s))
            {
                violations.Add($"funding[{i}].source", "each source may appear once");
            }
            else if (source is { } known)
            {
                result.Add(new FundingShare { Source = known, AmountFen = shares[i].Amount?.Fen ?? 0 });
            }
        }

        // A share beyond the bound is already named; bounded shares of distinct sources cannot overflow their sum.
        var bounded = result.All(s => s.AmountFen is > 0 and <= MoneyLimits.ProjectBudgetFen);
        violations.Check(!bounded || result.Sum(s => s.AmountFen) <= MoneyLimits.ProjectBudgetFen,
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
