namespace Platform.Employment.Labour;

/// <summary>Where a job is, or where a labourer wishes to work: local (本地), in-province (省内) or out-of-province (省外).</summary>
public enum WorkPlace
{
    Unspecified,
    Local,
    InProvince,
    OutOfProvince,
}

/// <summary>How a labourer is employed; the values match pa.employment.v1.EmploymentType.</summary>
public enum EmploymentType
{
    Unspecified,
    LocalEnterprise,

    /// <summary>就业扶贫车间.</summary>
    Workshop,

    /// <summary>公益性岗位.</summary>
    PublicWelfarePost,
    InProvinceMigrant,
    OutOfProvinceMigrant,
    SelfEmployed,

    /// <summary>灵活就业, the largest share of poor labourers' work.</summary>
    FlexibleDayWork,
}

/// <summary>A skill in a labourer's archive (技能).</summary>
public sealed class LabourSkill
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string Name { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A training course a labourer took (技能培训).</summary>
public sealed class LabourTraining
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string Course { get; set; }

    public required string Provider { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly EndedOn { get; set; }

    public string? Certificate { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A labourer's job-seeking wish (求职意愿); one per labourer, replaced when recorded again.</summary>
public sealed class JobWish
{
    /// <summary>The member id: a labourer has one current wish.</summary>
    public Guid MemberId { get; set; }

    public Guid HouseholdId { get; set; }

    public required string PreferredWork { get; set; }

    public WorkPlace Place { get; set; }

    public long ExpectedMonthlyIncomeFen { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A job of a labourer; running while <see cref="EndedOn"/> is null.</summary>
public sealed class EmploymentRecord
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>The household's region when the job started, for region listings and the events.</summary>
    public required string RegionCode { get; set; }

    public EmploymentType Type { get; set; }

    public required string Employer { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public long MonthlyIncomeFen { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public bool IsRunning => EndedOn is null;

    /// <summary>Whether any day of the month lies within the job's dates.</summary>
    public bool CoversMonth(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return first <= (EndedOn ?? DateOnly.MaxValue) && last >= StartedOn;
    }

    /// <summary>Whether any day of the year lies within the job's dates.</summary>
    public bool CoversYear(int year) =>
        new DateOnly(year, 1, 1) <= (EndedOn ?? DateOnly.MaxValue) && new DateOnly(year, 12, 31) >= StartedOn;
}

/// <summary>The earnings of one job in one month; a correction replaces the amount and keeps the payment id.</summary>
public sealed class MonthlyEarning
{
    /// <summary>The payment id the registry's income entry carries: <see cref="PaymentIds.ForEarnings"/>.</summary>
    public Guid Id { get; set; }

    public Guid EmploymentId { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public long AmountFen { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>交通补贴: the yearly transport subsidy of an out-of-province migrant job.</summary>
public sealed class TransportSubsidy
{
    public Guid Id { get; set; }

    public Guid EmploymentId { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public int Year { get; set; }

    public long AmountFen { get; set; }

    public required string GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}
