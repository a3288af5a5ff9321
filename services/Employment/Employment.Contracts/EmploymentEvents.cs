namespace Platform.Employment.Contracts;

/// <summary>Wages paid to a member of a household (e.g. a workshop or public-welfare post), in whole fen.</summary>
public sealed record WagesPaid(
    Guid HouseholdId,
    Guid MemberId,
    Guid PaymentId,
    int Year,
    int Month,
    long AmountFen,
    string EmploymentType,
    DateTime PaidAt);

/// <summary>A dividend from a household's quantified shares in an industry project (资产收益), in whole fen.</summary>
public sealed record DividendPaid(
    Guid HouseholdId,
    Guid PaymentId,
    Guid ProjectId,
    int Year,
    long AmountFen,
    DateTime PaidAt);

/// <summary>The only job held by anyone in the household ended.</summary>
public sealed record HouseholdLostOnlyJob(
    Guid HouseholdId,
    Guid MemberId,
    DateTime EndedAt);
