using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Households;

/// <summary>A member whose national ID passed validation, normalised.</summary>
public sealed record ValidMember(MemberInput Input, NationalIdFacts Id);

/// <summary>
/// Checks a household application (户申请) field by field, before anything is written. Every
/// problem is reported with the field it concerns, so a village officer can fix the form at once.
/// Single-field rules (lengths, enums stated, counts) are declared in households.proto and checked
/// before the handler runs; what stays here crosses fields or needs the national ID's meaning.
/// </summary>
public static class ApplicationRules
{
    public const int MaxNameLength = 50;

    /// <summary>Also members[].max_items in households.proto; a member change checks the total against it.</summary>
    public const int MaxMembers = 30;

    public static IReadOnlyList<ValidMember> Validate(CreateHouseholdApplicationRequest request, DateOnly today, FieldViolations violations)
    {
        violations.Check(request.PlannedExitYear == 0 || (request.PlannedExitYear >= today.Year && request.PlannedExitYear <= today.Year + 10),
            "planned_exit_year", $"must be 0 (not planned) or a year from {today.Year} to {today.Year + 10}");
        return ValidateHousehold(request, today, violations);
    }

    /// <summary>
    /// Every rule of an application except the planned exit year, which only a new application
    /// must set in the future; a migrated household may carry a past plan.
    /// </summary>
    public static IReadOnlyList<ValidMember> ValidateHousehold(CreateHouseholdApplicationRequest request, DateOnly today, FieldViolations violations)
    {
        violations.Check(RegionCode.TryParse(request.RegionCode, out var region) && region.Level == RegionLevel.Village,
            "region_code", "must be the 12-digit code of a village");
        for (var i = 0; i < request.OtherCauses.Count; i++)
        {
            violations.Check(request.OtherCauses[i] != request.PrimaryCause, $"other_causes[{i}]", "must be a poverty cause other than the primary one");
        }

        ValidateFacts(request.Facts, "facts", violations);
        violations.Check(request.DeclaredIncomePerCapita is null || request.DeclaredIncomePerCapita.Fen is >= 0 and <= MoneyLimits.YearlyIncomeFen,
            "declared_income_per_capita.fen", MoneyLimits.UpTo(MoneyLimits.YearlyIncomeFen));

        if (request.Members.Count == 0)
        {
            return []; // the contract requires members; its rule has already been reported
        }

        violations.Check(request.Members.Count(m => m.Relationship == Relationship.Head) == 1, "members", "exactly one member must be the head of household");

        var valid = new List<ValidMember>();
        var seen = new HashSet<string>();
        for (var i = 0; i < request.Members.Count; i++)
        {
            var member = ValidateMember(request.Members[i], $"members[{i}]", today, violations);
            if (member is not null && !seen.Add(member.Id.Normalized))
            {
                violations.Add($"members[{i}].national_id", "appears twice in this household");
            }
            else if (member is not null)
            {
                valid.Add(member);
            }
        }

        return valid;
    }

    /// <summary>Every present fact says where it comes from; kinship entries name someone. Lengths and enums are in the contract.</summary>
    public static void ValidateFacts(HouseholdFacts? facts, string field, FieldViolations violations)
    {
        if (facts is null)
        {
            return;
        }

        foreach (var descriptor in HouseholdFacts.Descriptor.Fields.InFieldNumberOrder().Where(f => f.MessageType == Fact.Descriptor))
        {
            if (descriptor.Accessor.GetValue(facts) is not Fact fact)
            {
                continue;
            }

            var name = $"{field}.{descriptor.Name}";
            violations.Check(!fact.Present || fact.Source != FactSource.Unspecified, $"{name}.source", "must say where a present fact comes from");
        }

        for (var i = 0; i < facts.CadreKinships.Count; i++)
        {
            var kin = facts.CadreKinships[i];
            var name = $"{field}.cadre_kinships[{i}]";
            violations.Check(kin.CadreName.Trim().Length > 0, $"{name}.cadre_name", "must not be blank");
            violations.Check(kin.Relation.Trim().Length > 0, $"{name}.relation", "must not be blank");
        }
    }

    public static ValidMember? ValidateMember(MemberInput m, string field, DateOnly today, FieldViolations violations)
    {
        // The contract bounds the length; a name of spaces passes that but names no one.
        violations.Check(m.Name.Trim().Length > 0, $"{field}.name", "must not be blank");
        violations.Check(m.Health == HealthStatus.Disability ? m.DisabilityGrade is >= 1 and <= 4 : m.DisabilityGrade == 0,
            $"{field}.disability_grade", "must be 1–4 for a disabled member and 0 otherwise");

        var problem = NationalId.Check(m.NationalId, today, out var id);
        if (problem != NationalIdProblem.None)
        {
            violations.Add($"{field}.national_id", NationalId.Describe(problem));
            violations.Check(m.Sex != Sex.Unspecified && Enum.IsDefined(m.Sex), $"{field}.sex", "must be stated");
            violations.Check(m.BirthDate is not null, $"{field}.birth_date", "is required");
            return null;
        }

        violations.Check(m.BirthDate.ToDateOnly() == id.BirthDate, $"{field}.birth_date", "must be a real date equal to the birth date in the national ID");
        violations.Check(m.Sex == (id.IsMale ? Sex.Male : Sex.Female), $"{field}.sex", "must match the national ID's sequence digit (odd: male, even: female)");
        return new ValidMember(m, id);
    }
}
