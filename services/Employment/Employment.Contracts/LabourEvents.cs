namespace Platform.Employment.Contracts;

/// <summary>A labourer of a household started a job (EmploymentType is the job's type name, e.g. "OutOfProvinceMigrant").</summary>
public sealed record EmploymentStarted(
    Guid HouseholdId,
    Guid MemberId,
    Guid EmploymentId,
    string RegionCode,
    string EmploymentType,
    DateOnly StartedOn,
    DateTime StartedAt);

/// <summary>A labourer's job ended on <paramref name="EndedOn"/>; <paramref name="EndedAt"/> is when it was recorded.</summary>
public sealed record EmploymentEnded(
    Guid HouseholdId,
    Guid MemberId,
    Guid EmploymentId,
    string RegionCode,
    DateOnly EndedOn,
    DateTime EndedAt);

/// <summary>A labourer's job-seeking wish (求职意愿) was recorded or replaced: the member wishes to work.</summary>
public sealed record JobWishRecorded(
    Guid HouseholdId,
    Guid MemberId,
    string RegionCode,
    string PreferredWork,
    DateTime RecordedAt);
