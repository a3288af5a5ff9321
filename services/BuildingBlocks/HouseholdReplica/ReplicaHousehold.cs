namespace Platform.HouseholdReplica;

/// <summary>Where a household stands in the registry, as far as the registry's events have told this service.</summary>
public enum HouseholdStatus
{
    /// <summary>Heard of through an event that does not say (e.g. members changed before registration arrived).</summary>
    Unknown,
    Registered,
    Exited,
}

/// <summary>劳动力: normal, weak (弱劳动力) or none, as the registry records it.</summary>
public enum LabourCapacity
{
    Unspecified,
    Normal,
    Weak,
    None,
}

/// <summary>
/// What every service keeps of a registry household: region, status and members. Each part carries
/// the time of the event that set it, so an older event arriving late never overwrites a newer one.
/// A service derives its own household from it and adds what it keeps beyond this.
/// </summary>
public abstract class ReplicaHousehold<TMember>
    where TMember : ReplicaMember
{
    /// <summary>The registry's household id.</summary>
    public Guid Id { get; set; }

    /// <summary>The household's registry region (its village).</summary>
    public required string RegionCode { get; set; }

    public HouseholdStatus Status { get; set; }

    public DateTime? StatusAsOf { get; set; }

    public DateTime? MembersAsOf { get; set; }

    /// <summary>Current and former members (<see cref="ReplicaMember.IsCurrent"/>).</summary>
    public List<TMember> Members { get; set; } = [];
}

/// <summary>What every service keeps of a member: no name and no national ID number.</summary>
public abstract class ReplicaMember
{
    /// <summary>The registry's member id.</summary>
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public DateOnly BirthDate { get; set; }

    public LabourCapacity LabourCapacity { get; set; }

    /// <summary>False once the member is no longer in the household's member list; kept so records about them stay readable.</summary>
    public bool IsCurrent { get; set; } = true;

    /// <summary>Normal or weak labour: the people employment assistance is for.</summary>
    public bool HasLabour => LabourCapacity is LabourCapacity.Normal or LabourCapacity.Weak;

    /// <summary>Age in whole years on <paramref name="day"/>.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}
