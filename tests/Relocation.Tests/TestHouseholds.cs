using Microsoft.Extensions.DependencyInjection;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Data;
using Platform.Relocation.Households;

namespace Platform.Relocation.Tests;

public sealed record TestHousehold(Guid Id, string RegionCode, IReadOnlyList<MemberFacts> Members)
{
    public MemberFacts Head => Members[0];

    /// <summary>The registry event that announced this household, for replays and variations.</summary>
    public required HouseholdRegistered Registered { get; init; }
}

/// <summary>
/// Builds a registered household (by default on the relocation pathway, 易地扶贫搬迁) and applies
/// its HouseholdRegistered to the replica exactly as the consumer does.
/// </summary>
public sealed class HouseholdBuilder(RelocationFactory factory, string regionCode)
{
    private readonly List<MemberFacts> _members = [];
    private string _pathway = "Relocation";

    public HouseholdBuilder Member(string relationship, DateOnly birthDate, string labour = "Normal", string sex = "Male")
    {
        _members.Add(new MemberFacts(Guid.CreateVersion7(), relationship, sex, birthDate, "Healthy", 0, labour, "Completed"));
        return this;
    }

    /// <summary>A head of household of 45 with normal labour capacity.</summary>
    public HouseholdBuilder Head(string labour = "Normal") => Member("Head", factory.Today.AddYears(-45), labour);

    /// <summary>A spouse of 43.</summary>
    public HouseholdBuilder Spouse(string labour = "Normal") => Member("Spouse", factory.Today.AddYears(-43), labour, "Female");

    /// <summary>A child of 10 (no labour).</summary>
    public HouseholdBuilder Child() => Member("Child", factory.Today.AddYears(-10), "None", "Female");

    /// <summary>Another planned way out than relocation ("ProductionAndEmployment", "Education", ...).</summary>
    public HouseholdBuilder Pathway(string pathway)
    {
        _pathway = pathway;
        return this;
    }

    public async Task<TestHousehold> RegisterAsync()
    {
        if (_members.Count == 0)
        {
            Head();
        }

        var id = Guid.CreateVersion7();
        var registered = new HouseholdRegistered(id, regionCode, factory.Clock.GetUtcNow().UtcDateTime, "Other", _pathway, 2027, _members.ToList());
        await factory.ApplyAsync(registered);
        return new TestHousehold(id, regionCode, _members.ToList()) { Registered = registered };
    }
}

public static class TestHouseholdExtensions
{
    public static HouseholdBuilder Household(this RelocationFactory factory, string regionCode = TestRegions.Village) => new(factory, regionCode);

    /// <summary>Applies a registry or assistance event to the replica as its consumer does (without the inbox row or follow-up).</summary>
    public static Task ApplyAsync(this RelocationFactory factory, object replicaEvent) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<RelocationDbContext>();
        await new ReplicaWriter(db).ApplyAsync(replicaEvent, default);
        await db.SaveChangesAsync();
    });
}
