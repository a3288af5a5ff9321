using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Contracts;
using PaymentIds = Platform.Employment.Welfare.PaymentIds;
using static Platform.Employment.Tests.Welfare.WelfareRequests;

namespace Platform.Employment.Tests.Welfare;

/// <summary>
/// The monthly post payroll: payslips per assignment, WagesPaid in the outbox with a payment id that
/// stays the same across runs, nothing new on an unchanged rerun, the same id with the new amount after a correction.
/// </summary>
public sealed class PostPayrollTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private WelfareEmploymentService.WelfareEmploymentServiceClient Welfare => service.Client<WelfareEmploymentService.WelfareEmploymentServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private async Task<(PostAssignment Assignment, TestHousehold Household)> AssignAsync(PublicWelfarePost post, string village)
    {
        var household = await service.Household(village).Head().RegisterAsync();
        var request = new AssignPostRequest { PostId = post.PostId, LabourerId = household.Head.Id.ToString(), StartedOn = Day(new DateOnly(2026, 1, 15)) };
        return ((await Welfare.AssignPostAsync(request, County)).Assignment, household);
    }

    private Task RecordAsync(PostAssignment assignment, DateOnly day, int quantity) =>
        Welfare.RecordAttendanceAsync(new RecordAttendanceRequest { AssignmentId = assignment.AssignmentId, WorkedOn = Day(day), Quantity = quantity }, County).ResponseAsync;

    private Task<RunPostPayrollResponse> RunAsync(string village, int month = 2) =>
        Welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = village, Year = 2026, Month = month }, County).ResponseAsync;

    [Fact]
    public async Task Payroll_publishes_wages_per_assignment_a_rerun_publishes_nothing_new_and_a_correction_republishes_the_same_payment()
    {
        const string village = "341522100251";
        var cleaner = (await Welfare.CreatePostAsync(Post(village, PostPayBasis.PerDay, 5_000), County)).Post;
        var ranger = (await Welfare.CreatePostAsync(Post(village, PostPayBasis.PerTask, 30_000, "Forest ranger"), County)).Post;
        var (daily, first) = await AssignAsync(cleaner, village);
        var (tasks, second) = await AssignAsync(ranger, village);
        var (idle, third) = await AssignAsync(cleaner, village);
        await RecordAsync(daily, new DateOnly(2026, 2, 14), 10);
        await RecordAsync(daily, new DateOnly(2026, 2, 28), 6);
        await RecordAsync(daily, new DateOnly(2026, 1, 31), 9);
        await RecordAsync(tasks, new DateOnly(2026, 2, 20), 3);

        var run = await RunAsync(village);

        Assert.Equal((2, 80_000L + 80_000L), (run.Published, run.Total.Fen));
        var dailySlip = run.Payslips.Single(p => p.AssignmentId == daily.AssignmentId);
        Assert.Equal((16, 80_000L, 80_000L, false), (dailySlip.Units, dailySlip.Gross.Fen, dailySlip.Amount.Fen, dailySlip.Capped));
        var taskSlip = run.Payslips.Single(p => p.AssignmentId == tasks.AssignmentId);
        Assert.Equal((3, 90_000L, 80_000L, true), (taskSlip.Units, taskSlip.Gross.Fen, taskSlip.Amount.Fen, taskSlip.Capped));
        Assert.DoesNotContain(run.Payslips, p => p.AssignmentId == idle.AssignmentId);
        Assert.Empty(await service.OutboxEventsAsync<WagesPaid>(third.Id));

        var paymentId = PaymentIds.ForPostPay(Guid.Parse(daily.AssignmentId), 2026, 2);
        var wages = Assert.Single(await service.OutboxEventsAsync<WagesPaid>(first.Id));
        Assert.Equal(new WagesPaid(first.Id, first.Head.Id, paymentId, 2026, 2, 80_000, "public-welfare-post", service.Clock.GetUtcNow().UtcDateTime), wages);
        Assert.Equal(paymentId.ToString(), dailySlip.PaymentId);

        var rerun = await RunAsync(village);
        Assert.Equal((0, 160_000L), (rerun.Published, rerun.Total.Fen));
        Assert.Single(await service.OutboxEventsAsync<WagesPaid>(first.Id));
        Assert.Single(await service.OutboxEventsAsync<WagesPaid>(second.Id));

        await RecordAsync(daily, new DateOnly(2026, 2, 28), 2);
        var corrected = await RunAsync(village);

        Assert.Equal((1, 60_000L + 80_000L), (corrected.Published, corrected.Total.Fen));
        var republished = await service.OutboxEventsAsync<WagesPaid>(first.Id);
        Assert.Equal([(paymentId, 80_000L), (paymentId, 60_000L)], republished.Select(w => (w.PaymentId, w.AmountFen)));
        Assert.Single(await service.OutboxEventsAsync<WagesPaid>(second.Id));
        var listed = await Welfare.ListPayslipsAsync(new ListPayslipsRequest { RegionCode = village, Year = 2026, Month = 2 }, County);
        Assert.Equal([12, 3], listed.Payslips.OrderBy(p => p.PayBasis).Select(p => p.Units));
    }

    [Fact]
    public async Task A_correction_to_nothing_republishes_zero_and_january_is_paid_apart()
    {
        const string village = "341522100252";
        var post = (await Welfare.CreatePostAsync(Post(village), County)).Post;
        var (assignment, household) = await AssignAsync(post, village);
        await RecordAsync(assignment, new DateOnly(2026, 1, 20), 4);
        await RecordAsync(assignment, new DateOnly(2026, 2, 10), 3);
        await RunAsync(village, 1);
        await RunAsync(village, 2);

        await RecordAsync(assignment, new DateOnly(2026, 2, 10), 0);
        var corrected = await RunAsync(village, 2);

        Assert.Equal((1, 0L), (corrected.Published, corrected.Total.Fen));
        var wages = await service.OutboxEventsAsync<WagesPaid>(household.Id);
        Assert.Equal([(1, 20_000L), (2, 15_000L), (2, 0L)], wages.Select(w => (w.Month, w.AmountFen)));
        Assert.Equal(wages[1].PaymentId, wages[2].PaymentId);
        Assert.NotEqual(wages[0].PaymentId, wages[1].PaymentId);

        var totals = await Welfare.GetVillagePostTotalsAsync(new GetVillagePostTotalsRequest { VillageCode = village, Year = 2026, Month = 2 }, County);
        Assert.Equal((1, 1, 0L, 20_000L), (totals.Posts, totals.People, totals.PayThisMonth.Fen, totals.PayThisYear.Fen));
    }

    [Fact]
    public async Task The_same_payroll_run_several_times_at_once_pays_and_publishes_each_assignment_once()
    {
        const string village = "341522100254";
        var cleaner = (await Welfare.CreatePostAsync(Post(village, PostPayBasis.PerDay, 5_000), County)).Post;
        var workers = new List<(PostAssignment Assignment, TestHousehold Household)>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add(await AssignAsync(cleaner, village));
            await RecordAsync(workers[i].Assignment, new DateOnly(2026, 1, 20), i + 1);
            await RecordAsync(workers[i].Assignment, new DateOnly(2026, 2, 10), i + 1);
        }

        foreach (var month in new[] { 1, 2 })
        {
            var runs = await RaceAsync(village, month);

            Assert.Equal(1, runs.Count(r => r is { Published: 3 }));
            await AssertPaidOnceAsync(month, payslips: 3);
        }

        // Two officers re-running after a correction: the changed payslip is published once, not once per run.
        await RecordAsync(workers[0].Assignment, new DateOnly(2026, 2, 11), 4);
        var reruns = await RaceAsync(village, 2);

        Assert.Equal(1, reruns.Count(r => r is { Published: 1 }));
        Assert.Equal([5_000L, 25_000L], (await service.OutboxEventsAsync<WagesPaid>(workers[0].Household.Id)).Where(w => w.Month == 2).Select(w => w.AmountFen));
        await AssertPaidOnceAsync(2, payslips: 3, corrected: 1);

        async Task<RunPostPayrollResponse?[]> RaceAsync(string code, int month)
        {
            var responses = new RunPostPayrollResponse?[4];
            var outcomes = await Race.RunAsync(responses.Length, async i => responses[i] = await RunAsync(code, month));

            // A run that reads the payslips another one just saved finds nothing to change and publishes nothing.
            Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.Aborted }));
            Assert.All(responses.Where(r => r is not null), r => Assert.Equal(3, r!.Payslips.Count));
            return responses;
        }

        async Task AssertPaidOnceAsync(int month, int payslips, int corrected = 0)
        {
            var ids = workers.Select(w => Guid.Parse(w.Assignment.AssignmentId)).ToList();
            Assert.Equal(payslips, await service.QueryAsync(db => db.Set<Employment.Welfare.PostPayslip>().CountAsync(p => ids.Contains(p.AssignmentId) && p.Year == 2026 && p.Month == month)));
            var events = (await Task.WhenAll(workers.Select(w => service.OutboxEventsAsync<WagesPaid>(w.Household.Id)))).SelectMany(e => e).Count(w => w.Month == month);
            Assert.Equal(payslips + corrected, events);
        }
    }

    [Fact]
    public async Task Village_totals_count_posts_people_and_pay_of_the_month_and_year()
    {
        const string village = "341522100253";
        var cleaner = (await Welfare.CreatePostAsync(Post(village, rateFen: 6_000), County)).Post;
        await Welfare.CreatePostAsync(Post(village, title: "Sanitation"), County);
        var (one, _) = await AssignAsync(cleaner, village);
        var (two, _) = await AssignAsync(cleaner, village);
        await RecordAsync(one, new DateOnly(2026, 1, 31), 10);
        await RecordAsync(one, new DateOnly(2026, 2, 27), 5);
        await RecordAsync(two, new DateOnly(2026, 2, 27), 1);
        await RunAsync(village, 1);
        await RunAsync(village, 2);

        var totals = await Welfare.GetVillagePostTotalsAsync(new GetVillagePostTotalsRequest { VillageCode = village, Year = 2026, Month = 2 }, County);

        Assert.Equal((village, 2, 2), (totals.VillageCode, totals.Posts, totals.People));
        Assert.Equal((36_000L, 96_000L), (totals.PayThisMonth.Fen, totals.PayThisYear.Fen));
        var reader = await Welfare.GetVillagePostTotalsAsync(new GetVillagePostTotalsRequest { VillageCode = village, Year = 2026, Month = 1 }, service.HumanResources());
        Assert.Equal((60_000L, 60_000L), (reader.PayThisMonth.Fen, reader.PayThisYear.Fen));
    }

    [Fact]
    public async Task Payroll_refuses_future_months_other_counties_and_readers()
    {
        var future = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = TestRegions.Village, Year = 2026, Month = 4 }, County));
        Assert.Equal("month", RpcAssert.InvalidField(future));
        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = TestRegions.County, Year = 1999, Month = 1 }, County));
        Assert.Equal(["year"], RpcAssert.InvalidFields(bad));
        bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = TestRegions.County, Year = 2026, Month = 1 }, County));
        Assert.Equal(["village_code"], RpcAssert.InvalidFields(bad));

        var other = service.CountyOfficer(TestRegions.OtherCounty);
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = TestRegions.Village, Year = 2026, Month = 2 }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Welfare.GetVillagePostTotalsAsync(new GetVillagePostTotalsRequest { VillageCode = TestRegions.Village, Year = 2026, Month = 2 }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Welfare.ListPayslipsAsync(new ListPayslipsRequest { RegionCode = TestRegions.Village, Year = 2026, Month = 2 }, other));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            Welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = TestRegions.Village, Year = 2026, Month = 2 }, service.HumanResources()));
    }
}
