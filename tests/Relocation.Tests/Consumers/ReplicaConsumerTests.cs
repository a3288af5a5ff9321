using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Households;
using Platform.HouseholdReplica;

namespace Platform.Relocation.Tests.Consumers;

/// <summary>
/// The registry's and the assistance service's events through the service's consumers: they build the
/// replica, relocation's own parts only move forward in event time, and a redelivered message changes
/// nothing. Status and member ordering are the building block's, tested once in tests/HouseholdReplica.Tests.
/// </summary>
public sealed class ReplicaConsumerTests(BusService bus) : IClassFixture<BusService>
{
    [Fact]
    public async Task Registration_builds_the_household_with_its_pathway_and_members_and_a_redelivery_adds_nothing()
    {
        var head = bus.Member("Head", 45);
        var grandmother = bus.Member("Grandparent", 72, "None");
        var registered = bus.Registration([head, grandmother]);

        var messageId = await bus.DeliverAsync(registered, times: 3);

        var replica = await bus.ReplicaAsync(registered.HouseholdId);
        Assert.Equal((HouseholdStatus.Registered, "Relocation", TestRegions.Village), (replica!.Status, replica.Pathway, replica.RegionCode));
        Assert.True(replica.IsRelocationCandidate);
        Assert.Equal(new[] { head.MemberId, grandmother.MemberId }.Order(), replica.Members.Select(m => m.Id).Order());
        Assert.Equal((LabourCapacity.Normal, head.BirthDate), replica.Members.Where(m => m.Id == head.MemberId).Select(m => (m.LabourCapacity, m.BirthDate)).Single());
        Assert.Equal([head.MemberId], replica.Members.Where(m => m.HasLabour).Select(m => m.Id));
        Assert.Equal(1, await bus.InboxRowsAsync(messageId));
    }

    [Fact]
    public async Task The_latest_years_income_wins_and_within_a_year_the_latest_recording()
    {
        var registered = bus.Registration([bus.Member("Head", 45)]);
        var id = registered.HouseholdId;
        await bus.DeliverAsync(registered);

        HouseholdIncomeRecorded Income(int year, long perCapita, int daysLater) =>
            new(id, TestRegions.Village, year, perCapita * 3, perCapita, 0, 3, bus.Now.AddDays(daysLater));

        await bus.DeliverAsync(Income(2025, 700_000, 1));
        await bus.DeliverAsync(Income(2024, 500_000, 5)); // an older year recorded later
        Assert.Equal((2025, 700_000L), Kept(await bus.ReplicaAsync(id)));

        await bus.DeliverAsync(Income(2025, 720_000, 6));
        await bus.DeliverAsync(Income(2025, 650_000, 3)); // a correction of the same year that was overtaken
        Assert.Equal((2025, 720_000L), Kept(await bus.ReplicaAsync(id)));

        static (int?, long?) Kept(RelocatedHousehold? h) => (h!.IncomeYear, h.PerCapitaNetIncomeFen);
    }

    [Fact]
    public async Task Newer_guarantee_status_wins_and_an_older_one_arriving_late_changes_nothing()
    {
        var registered = bus.Registration([bus.Member("Head", 45)]);
        var id = registered.HouseholdId;
        await bus.DeliverAsync(registered);

        var newer = new GuaranteeStatusChanged(id, TestRegions.Village, "Met", "Met", "NotMet", "Met", "Met", ["Chronic illness not covered"], bus.Now.AddDays(2));
        var older = new GuaranteeStatusChanged(id, TestRegions.Village, "Met", "Met", "Met", "NotMet", "NotMet", ["Unsafe house", "No tap water"], bus.Now.AddDays(1));
        var messageId = await bus.DeliverAsync(newer);
        await bus.DeliverAsync(older);
        await bus.DeliverAsync(newer, messageId);

        var replica = await bus.ReplicaAsync(id);
        Assert.Equal(["Medical"], replica!.Guarantees.Gaps());
        Assert.Equal(["Chronic illness not covered"], replica.GuaranteeReasons);
        Assert.Equal(1, await bus.InboxRowsAsync(messageId));
    }
}
