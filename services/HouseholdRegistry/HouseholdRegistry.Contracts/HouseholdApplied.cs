namespace Platform.HouseholdRegistry.Contracts;

/// <summary>
/// A household applied for registration (户申请) in its village. Carries only what other
/// services need; never a national ID number or a name.
/// </summary>
public sealed record HouseholdApplied(
    Guid HouseholdId,
    string RegionCode,
    DateTime AppliedAt,
    string PrimaryCause,
    IReadOnlyList<string> OtherCauses,
    IReadOnlyList<MemberFacts> Members);

/// <summary>
/// The facts about a member that education, health and labour services act on. Enum values
/// are the names used in the registry's gRPC contract (e.g. "SeriousIllness", "Weak").
/// NationalIdLookup is the platform's keyed hash of the member's national ID (never the number):
/// a service holding the platform lookup key matches department records to members with it.
/// </summary>
public sealed record MemberFacts(
    Guid MemberId,
    string Relationship,
    string Sex,
    DateOnly BirthDate,
    string Health,
    int DisabilityGrade,
    string LabourCapacity,
    string Schooling,
    string? NationalIdLookup = null);
