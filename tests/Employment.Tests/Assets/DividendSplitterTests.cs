using Platform.Employment.Assets;

namespace Platform.Employment.Tests.Assets;

public sealed class DividendSplitterTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void A_single_household_gets_the_whole_amount()
    {
        var split = DividendSplitter.Split(123_457, [new Holding(A, 7)]);
        Assert.Equal(123_457, split[A]);
    }

    [Fact]
    public void Equal_shares_that_divide_evenly_get_equal_amounts()
    {
        var split = DividendSplitter.Split(300, [new Holding(C, 5), new Holding(A, 5), new Holding(B, 5)]);
        Assert.All(split.Values, v => Assert.Equal(100, v));
    }

    [Fact]
    public void Remainder_ties_go_to_the_lowest_household_ids()
    {
        // 100 / 3 = 33 rest 1, all fractional parts equal: the one fen goes to the lowest id.
        var split = DividendSplitter.Split(100, [new Holding(C, 1), new Holding(B, 1), new Holding(A, 1)]);
        Assert.Equal(34, split[A]);
        Assert.Equal(33, split[B]);
        Assert.Equal(33, split[C]);

        var two = DividendSplitter.Split(101, [new Holding(C, 1), new Holding(B, 1), new Holding(A, 1)]);
        Assert.Equal([34L, 34L, 33L], [two[A], two[B], two[C]]);
    }

    [Fact]
    public void The_remainder_goes_to_the_largest_fractional_parts_before_lower_ids()
    {
        // Total 10, amount 7: A 1 share → 0.7, B 3 shares → 2.1, C 6 shares → 4.2. Floors 0+2+4 = 6, one fen left:
        // it goes to A (fraction .7), although C's share is larger.
        var split = DividendSplitter.Split(7, [new Holding(A, 1), new Holding(B, 3), new Holding(C, 6)]);
        Assert.Equal(1, split[A]);
        Assert.Equal(2, split[B]);
        Assert.Equal(4, split[C]);
    }

    [Fact]
    public void The_split_does_not_depend_on_the_order_of_the_holdings()
    {
        Holding[] holdings = [new(A, 2), new(B, 3), new(C, 2)];
        var forward = DividendSplitter.Split(1_000, holdings);
        var backward = DividendSplitter.Split(1_000, holdings.Reverse().ToList());
        Assert.Equal(forward.OrderBy(p => p.Key), backward.OrderBy(p => p.Key));
    }

    [Fact]
    public void Large_amounts_and_shares_do_not_overflow()
    {
        var split = DividendSplitter.Split(long.MaxValue / 2, [new Holding(A, 1_000_000_000_000), new Holding(B, 3)]);
        Assert.Equal(long.MaxValue / 2, split.Values.Sum());
    }

    [Fact]
    public void Invalid_holdings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DividendSplitter.Split(10, []));
        Assert.Throws<ArgumentException>(() => DividendSplitter.Split(10, [new Holding(A, 0)]));
        Assert.Throws<ArgumentException>(() => DividendSplitter.Split(10, [new Holding(A, 1), new Holding(A, 2)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DividendSplitter.Split(-1, [new Holding(A, 1)]));
    }

    [Fact]
    public async Task Random_splits_add_up_exactly_and_the_chunked_plan_gives_every_household_the_same_amount()
    {
        var random = new Random(20260302);
        for (var round = 0; round < 500; round++)
        {
            var count = random.Next(1, 60);
            var maxShares = random.Next(1, 4) switch { 1 => 3, 2 => 100, _ => 1_000_000 };
            var holdings = Enumerable.Range(0, count).Select(_ => new Holding(RandomGuid(random), random.NextInt64(1, maxShares + 1))).ToList();
            var amount = random.Next(3) == 0 ? random.NextInt64(0, count * 2L) : random.NextInt64(0, 10_000_000_000);

            var split = DividendSplitter.Split(amount, holdings);
            Assert.Equal(amount, split.Values.Sum());
            var total = holdings.Sum(h => h.Shares);
            Assert.All(holdings, h =>
            {
                var exact = (decimal)amount * h.Shares / total;
                Assert.InRange(split[h.HouseholdId], Math.Floor(exact), Math.Floor(exact) + 1);
            });

            var plan = await PlanAsync(amount, holdings);
            Assert.All(holdings, h => Assert.Equal(split[h.HouseholdId], plan.AmountFor(h.HouseholdId, h.Shares)));
        }
    }

    [Fact]
    public async Task The_plan_of_equal_shares_stops_the_remainder_at_the_right_household()
    {
        Holding[] holdings = [new(C, 1), new(A, 1), new(B, 1)];
        var plan = await PlanAsync(100, holdings);
        Assert.Equal(A, plan.Cutoff);
        Assert.Equal(new[] { 34L, 33L, 33L }, new[] { plan.AmountFor(A, 1), plan.AmountFor(B, 1), plan.AmountFor(C, 1) });
    }

    [Fact]
    public async Task A_plan_without_remainder_gives_no_household_an_extra_fen()
    {
        var plan = await PlanAsync(300, [new(A, 1), new(B, 1), new(C, 1)]);
        Assert.Equal(Guid.Empty, plan.Cutoff);
        Assert.Equal(new[] { 100L, 100L, 100L }, new[] { plan.AmountFor(A, 1), plan.AmountFor(B, 1), plan.AmountFor(C, 1) });
    }

    private static Task<DividendPlan> PlanAsync(long amount, IReadOnlyList<Holding> holdings) =>
        DividendSplitter.PlanAsync(amount, holdings.GroupBy(h => h.Shares).ToDictionary(g => g.Key, g => g.Count()), (shares, k) =>
            Task.FromResult(holdings.Where(h => shares.Contains(h.Shares)).Select(h => h.HouseholdId).Order().ElementAt(k - 1)));

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
