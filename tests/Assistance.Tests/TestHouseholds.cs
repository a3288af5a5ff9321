using Microsoft.Extensions.DependencyInjection;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.Assistance.Tests;

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
/// consumer does (replica, then assessment, saved together), so tests start from the state an event would leave.
/// </summary>
public sealed class HouseholdBuilder(AssistanceFactory factory, string regionCode)
{
    private static int _sequence;
    private readonly List<TestMember> _members = [];

    public HouseholdBuilder Member(string relationship, DateOnly birthDate, string sex = "Male", string health = "Healthy", int disabilityGrade = 0,
        string labour = "Normal", string schooling = "NotOfSchoolAge")
    {
        var nationalId = NewNationalId(regionCode, birthDate, sex == "Male");
        var facts = new MemberFacts(Guid.CreateVersion7(), relationship, sex, birthDate, health, disabilityGrade, labour, schooling, factory.LookupOf(nationalId));
        _members.Add(new TestMember(nationalId, facts));
        return this;
    }

    /// <summary>An adult head of household of 45.</summary>
    public HouseholdBuilder Head() => Member("Head", factory.Today.AddYears(-45));

    /// <summary>A child of <paramref name="age"/> (just past a birthday), in school unless said otherwise.</summary>
    public HouseholdBuilder Child(int age, string schooling = "InSchool", string health = "Healthy", int disabilityGrade = 0, string sex = "Female") =>
        Member("Child", factory.Today.AddYears(-age).AddDays(-30), sex, health, disabilityGrade, "None", schooling);

    public async Task<TestHousehold> RegisterAsync()
    {
        if (_members.Count == 0)
        {
            Head();
        }

        var id = Guid.CreateVersion7();
        var registered = new HouseholdRegistered(id, regionCode, factory.Clock.GetUtcNow().UtcDateTime, "Illness", "ProductionAndEmployment", 2027,
            _members.Select(m => m.Facts).ToList());
        await factory.ApplyAsync(registered);
        return new TestHousehold(id, regionCode, _members.ToList()) { Registered = registered };
    }

    /// <summary>A valid 18-character national ID (MOD 11-2 check character) born on the date, unique within the test run.</summary>
    public static string NewNationalId(string regionCode, DateOnly birthDate, bool male)
    {
        var sequence = Interlocked.Increment(ref _sequence) % 500;
        var order = sequence * 2 + (male ? 1 : 0);
        var first17 = $"{regionCode[..6]}{birthDate:yyyyMMdd}{order:000}";
        return first17 + NationalId.CheckCharacterFor(first17);
    }
}

public static class TestHouseholdExtensions
{
    public static HouseholdBuilder Household(this AssistanceFactory factory, string regionCode = TestRegions.Village) => new(factory, regionCode);

    /// <summary>Applies a registry event to the replica and reassesses, as the event's consumer does (without the inbox row).</summary>
    public static Task ApplyAsync(this AssistanceFactory factory, object registryEvent) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<AssistanceDbContext>();
        var household = await new ReplicaWriter(db).ApplyAsync(registryEvent, default);
        await services.GetRequiredService<GuaranteeAssessor>().AssessAsync([household], default);
        await db.SaveChangesAsync();
    });
}
