using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Screening;

namespace Platform.HouseholdRegistry.Tests.Screening;

public sealed class TwoRollMergeTests
{
    private static readonly YearPolicy Policy = new() { PovertyLineFen = 600_000 };

    [Theory]
    [InlineData(599_999, true)]
    [InlineData(600_000, false)]
    [InlineData(0, true)]
    public void Below_the_line_means_strictly_below(long incomeFen, bool below) => Assert.Equal(below, TwoRollMerge.IsBelowLine(incomeFen, Policy));

    [Fact]
    public void Registered_and_exited_households_are_on_the_registrys_list_and_the_others_on_neither()
    {
        Assert.Equal([HouseholdStatus.Registered, HouseholdStatus.Exited], TwoRollMerge.OnRegistryList);
        Assert.Equal([HouseholdStatus.Applied, HouseholdStatus.Rejected, HouseholdStatus.Monitored], TwoRollMerge.OnNeitherList);
        Assert.Empty(TwoRollMerge.OnRegistryList.Intersect(TwoRollMerge.OnNeitherList));
    }

    [Fact]
    public void The_reason_names_the_income_and_the_line()
    {
        var reason = TwoRollMerge.Reason(MergeCandidateList.PoorHouseholdCandidates, 250_050, Policy);

        Assert.Contains("2500.50 yuan", reason);
        Assert.Contains("6000.00 yuan", reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoRollMerge.Reason(MergeCandidateList.Unspecified, 0, Policy));
    }
}
