using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.HouseholdReplica.Tests;

/// <summary>
/// The registry's household events applied as every service applies them: each event saved on its own,
/// in whatever order the bus delivers them.
/// </summary>
public sealed class HouseholdReplicaWriterTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _database = new();
    private readonly Guid _id = Guid.CreateVersion7();

    public void Dispose() => _database.Dispose();

    private static MemberFacts Member(string labour = "Normal", string sex = "Male", Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), "Head", sex, new DateOnly(1980, 5, 1), "Healthy", 0, labour, "Completed");

    private HouseholdRegistered Registered(DateTime at, params MemberFacts[] members) => new(_id, "341522100201", at, "Illness", "Education", 2027, members);

    private HouseholdMembersChanged MembersChanged(DateTime at, params MemberFacts[] members) => new(_id, "341522100201", at, members);

    private HouseholdExited Exited(DateTime at) => new(_id, "341522100201", at, DateOnly.FromDateTime(at).AddYears(5));

    private HouseholdReentered Reentered(DateTime at) => new(_id, "341522100201", at, "Illness");

    /// <summary>Applies and saves one event in a context of its own; returns the writer's calls to the service.</summary>
    private async Task<List<string>> ApplyAsync(object message)
    {
        await using var db = _database.NewContext();
        var writer = new TestWriter(db);
        await writer.ApplyAsync(message, CancellationToken.None);
        await db.SaveChangesAsync();
        return writer.Calls;
    }

    private async Task<TestHousehold> ReplicaAsync()
    {
        await using var db = _database.NewContext();
        return await db.Households.Include(h => h.Members).AsNoTracking().SingleAsync(h => h.Id == _id);
    }

    [Fact]
    public async Task Registration_creates_the_household_with_its_members_and_what_the_service_keeps()
    {
        var head = Member("Weak", "Female");

        var calls = await ApplyAsync(Registered(T0, head));

        var replica = await ReplicaAsync();
        Assert.Equal((HouseholdStatus.Registered, T0, T0, "341522100201", "Education"), (replica.Status, replica.StatusAsOf, replica.MembersAsOf, replica.RegionCode, replica.Pathway));
        var member = Assert.Single(replica.Members);
        Assert.Equal((head.MemberId, _id, head.BirthDate, LabourCapacity.Weak, "Female", true), (member.Id, member.HouseholdId, member.BirthDate, member.LabourCapacity, member.Sex, member.IsCurrent));
        Assert.Equal(["registered moved=True"], calls);
    }

    [Fact]
    public async Task Members_are_added_removed_and_changed_by_the_full_list_and_a_former_member_listed_again_returns()
    {
        var head = Member("Normal");
        var child = Member("None");
        await ApplyAsync(Registered(T0, head, child));

        var newborn = Member("None");
        await ApplyAsync(MembersChanged(T0.AddDays(1), head with { LabourCapacity = "Weak" }, newborn));

        var replica = await ReplicaAsync();
        Assert.Equal(T0.AddDays(1), replica.MembersAsOf);
        Assert.Equal(new[] { head.MemberId, newborn.MemberId }.Order(), replica.Members.Where(m => m.IsCurrent).Select(m => m.Id).Order());
        Assert.False(replica.Members.Single(m => m.Id == child.MemberId).IsCurrent);
        Assert.Equal(LabourCapacity.Weak, replica.Members.Single(m => m.Id == head.MemberId).LabourCapacity);

        await ApplyAsync(MembersChanged(T0.AddDays(2), head, child));

        replica = await ReplicaAsync();
        Assert.Equal(3, replica.Members.Count);
        Assert.Equal(new[] { head.MemberId, child.MemberId }.Order(), replica.Members.Where(m => m.IsCurrent).Select(m => m.Id).Order());
    }

    [Fact]
    public async Task An_older_member_list_after_a_newer_one_changes_nothing()
    {
        var head = Member("Normal");
        var spouse = Member("Weak");
        await ApplyAsync(MembersChanged(T0.AddDays(2), head, spouse));

        // The registration (older) arrives after the change: it sets the status but not the members.
        await ApplyAsync(Registered(T0, head with { LabourCapacity = "None" }));

        var replica = await ReplicaAsync();
        Assert.Equal((HouseholdStatus.Registered, T0.AddDays(2)), (replica.Status, replica.MembersAsOf));
        Assert.Equal((LabourCapacity.Normal, LabourCapacity.Weak), (replica.Members.Single(m => m.Id == head.MemberId).LabourCapacity, replica.Members.Single(m => m.Id == spouse.MemberId).LabourCapacity));
    }

    [Fact]
    public async Task A_members_changed_before_registration_leaves_the_status_unknown_until_it_arrives()
    {
        await ApplyAsync(MembersChanged(T0, Member()));

        Assert.Equal((HouseholdStatus.Unknown, (DateTime?)null), ((await ReplicaAsync()).Status, (await ReplicaAsync()).StatusAsOf));
    }

    [Fact]
    public async Task An_older_status_after_a_newer_one_changes_nothing_and_the_service_hears_only_newer_ones()
    {
        await ApplyAsync(Registered(T0, Member()));
        await ApplyAsync(Exited(T0.AddDays(30)));
        await ApplyAsync(Reentered(T0.AddDays(60)));

        var staleExit = await ApplyAsync(Exited(T0.AddDays(30)));

        var replica = await ReplicaAsync();
        Assert.Equal((HouseholdStatus.Registered, T0.AddDays(60)), (replica.Status, replica.StatusAsOf));
        Assert.Empty(staleExit);
        Assert.Equal(DateOnly.FromDateTime(T0.AddDays(30)).AddYears(5), replica.SupportUntil);
    }

    [Fact]
    public async Task A_registration_arriving_after_the_exit_keeps_the_exit_and_tells_the_service_it_is_not_the_newest_status()
    {
        await ApplyAsync(Exited(T0.AddDays(30)));

        var calls = await ApplyAsync(Registered(T0, Member()));

        Assert.Equal(HouseholdStatus.Exited, (await ReplicaAsync()).Status);
        Assert.Equal(["registered moved=False"], calls);
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing_the_second_time()
    {
        var head = Member();
        var exit = Exited(T0.AddDays(30));
        await ApplyAsync(Registered(T0, head));
        await ApplyAsync(MembersChanged(T0.AddDays(1), head, Member()));
        await ApplyAsync(exit);
        var before = await ReplicaAsync();

        var calls = await ApplyAsync(exit);
        await ApplyAsync(MembersChanged(T0.AddDays(1), head, Member()));

        var after = await ReplicaAsync();
        Assert.Empty(calls);
        Assert.Equal((before.Status, before.StatusAsOf, before.MembersAsOf), (after.Status, after.StatusAsOf, after.MembersAsOf));
        Assert.Equal(before.Members.Select(m => (m.Id, m.IsCurrent)).Order(), after.Members.Select(m => (m.Id, m.IsCurrent)).Order());
    }

    [Fact]
    public async Task An_event_the_service_did_not_configure_is_refused_rather_than_ignored()
    {
        await using var db = _database.NewContext();

        await Assert.ThrowsAsync<NotSupportedException>(() => new TestWriter(db).ApplyAsync(new MonitoringCategoryChanged(_id, "341522100201", "None", "MarginalAtRisk", "Illness", T0), CancellationToken.None));
    }
}
