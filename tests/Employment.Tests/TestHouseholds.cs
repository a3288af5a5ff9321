using Microsoft.Extensions.DependencyInjection;
using Platform.Employment.Data;
using Platform.Employment.Labourers;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.Employment.Tests;

public sealed record TestMember(string NationalId, MemberFacts Facts)
{
    public Guid Id => Facts.MemberId;
}

public sealed record TestHousehold(Guid Id, string RegionCode, IReadOnlyList<TestMember> Members)
{
    public TestMember Head => Members[0];

    /// <summary>The registry event that announced this household, for replays and variations.</summary>
    public required HouseholdRegistered Registered { get; init; }
}

/// <summary>
/// Builds a registered household and applies its HouseholdRegistered to the replica exactly as the
/// consumer does, so tests start from the state the event would leave.
/// </summary>
public sealed class HouseholdBuilder(EmploymentFactory factory, string regionCode)
{
    private static int _sequence;
    private readonly List<TestMember> _members = [];

    public HouseholdBuilder Member(string relationship, DateOnly birthDate, string labour = "Normal", string sex = "Male")
    {
        var nationalId = NewNationalId(regionCode, birthDate, sex == "Male");
        var facts = new MemberFacts(Guid.CreateVersion7(), relationship, sex, birthDate, "Healthy", 0, labour, "Completed", factory.LookupOf(nationalId));
        _members.Add(new TestMember(nationalId, facts));
        return this;
    }

    /// <summary>A head of household of 45 with normal labour capacity.</summary>
    public HouseholdBuilder Head(string labour = "Normal") => Member("Head", factory.Today.AddYears(-45), labour);

    /// <summary>A spouse of 43.</summary>
    public HouseholdBuilder Spouse(string labour = "Normal") => Member("Spouse", factory.Today.AddYears(-43), labour, "Female");

    /// <summary>A child of 10 (no labour).</summary>
    public HouseholdBuilder Child() => Member("Child", factory.Today.AddYears(-10), "None", "Female");

    public async Task<TestHousehold> RegisterAsync()
    {
        if (_members.Count == 0)
        {
            Head();
        }

        var id = Guid.CreateVersion7();
        var registered = new HouseholdRegistered(id, regionCode, factory.Clock.GetUtcNow().UtcDateTime, "LackOfLabour", "ProductionAndEmployment", 2027,
            _members.Select(m => m.Facts).ToList());
        await factory.ApplyAsync(registered);
        return new TestHousehold(id, regionCode, _members.ToList()) { Registered = registered };
    }

    /// <summary>A valid 18-character national ID (MOD 11-2 check character) born on the date, unique within the test run.</summary>
    public static string NewNationalId(string regionCode, DateOnly birthDate, bool male)
    {
        var sequence = Interlocked.Increment(ref _sequence) % 500;
        var first17 = $"{regionCode[..6]}{birthDate:yyyyMMdd}{sequence * 2 + (male ? 1 : 0):000}";
        return first17 + NationalId.CheckCharacterFor(first17);
    }
}

public static class TestHouseholdExtensions
{
    public static HouseholdBuilder Household(this EmploymentFactory factory, string regionCode = TestRegions.Village) => new(factory, regionCode);

    /// <summary>Applies a registry event to the replica as its consumer does (without the inbox row).</summary>
    public static Task ApplyAsync(this EmploymentFactory factory, object registryEvent) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<EmploymentDbContext>();
        await new ReplicaWriter(db).ApplyAsync(registryEvent, default);
        await db.SaveChangesAsync();
    });
}
