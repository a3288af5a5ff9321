using Grpc.Core;
using Pa.Employment.V1;
using Platform.Employment.Contracts;
using Platform.Security;
using static Platform.Employment.Tests.Labour.LabourRequests;

namespace Platform.Employment.Tests.Labour;

/// <summary>Jobs, earnings and transport subsidies, with the events they put in the outbox.</summary>
public sealed class LabourJobsGrpcTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private LabourService.LabourServiceClient Labour => service.Client<LabourService.LabourServiceClient>();

    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    [Fact]
    public async Task Starting_and_ending_a_job_publish_their_events_and_the_households_only_job_is_reported()
    {
        var household = await service.Household().Head().RegisterAsync();

        var job = (await Labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.OutOfProvinceMigrant), Village)).Employment;
        var started = Assert.Single(await service.OutboxEventsAsync<EmploymentStarted>(household.Id));
        Assert.Equal(new EmploymentStarted(household.Id, household.Head.Id, Guid.Parse(job.EmploymentId), TestRegions.Village, "OutOfProvinceMigrant",
            new DateOnly(2025, 3, 1), service.Clock.GetUtcNow().UtcDateTime), started);

        var ended = await Labour.EndEmploymentAsync(End(job), Village);
        Assert.True(ended.HouseholdLostOnlyJob);
        Assert.Equal(Day(2026, 1, 31), ended.Employment.EndedOn);
        var endedEvent = Assert.Single(await service.OutboxEventsAsync<EmploymentEnded>(household.Id));
        Assert.Equal((Guid.Parse(job.EmploymentId), new DateOnly(2026, 1, 31), TestRegions.Village), (endedEvent.EmploymentId, endedEvent.EndedOn, endedEvent.RegionCode));
        var lost = Assert.Single(await service.OutboxEventsAsync<HouseholdLostOnlyJob>(household.Id));
        Assert.Equal((household.Id, household.Head.Id), (lost.HouseholdId, lost.MemberId));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.EndEmploymentAsync(End(job), Village));
        var archive = (await Labour.GetLabourArchiveAsync(Archive(household, household.Head), Village)).Archive;
        Assert.False(archive.Employed);
        Assert.Equal(job.EmploymentId, Assert.Single(archive.Employments).EmploymentId);
    }

    [Fact]
    public async Task Ending_a_job_while_another_member_still_works_publishes_no_lost_only_job()
    {
        var household = await service.Household().Head().Spouse("Weak").RegisterAsync();
        var headJob = (await Labour.StartEmploymentAsync(Start(household, household.Head), Village)).Employment;
        var spouseJob = (await Labour.StartEmploymentAsync(Start(household, household.Members[1], EmploymentType.PublicWelfarePost), Village)).Employment;

        Assert.False((await Labour.EndEmploymentAsync(End(headJob), Village)).HouseholdLostOnlyJob);
        Assert.Empty(await service.OutboxEventsAsync<HouseholdLostOnlyJob>(household.Id));

        Assert.True((await Labour.EndEmploymentAsync(End(spouseJob), Village)).HouseholdLostOnlyJob);
        Assert.Equal(household.Members[1].Id, Assert.Single(await service.OutboxEventsAsync<HouseholdLostOnlyJob>(household.Id)).MemberId);
        Assert.Equal(2, (await service.OutboxEventsAsync<EmploymentEnded>(household.Id)).Count);
    }

    [Fact]
    public async Task Ending_one_of_two_jobs_of_the_same_member_publishes_no_lost_only_job()
    {
        var household = await service.Household().Head().RegisterAsync();
        var dayWork = (await Labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.FlexibleDayWork), Village)).Employment;
        await Labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.SelfEmployed), Village);

        Assert.False((await Labour.EndEmploymentAsync(End(dayWork), Village)).HouseholdLostOnlyJob);
        Assert.Empty(await service.OutboxEventsAsync<HouseholdLostOnlyJob>(household.Id));
    }

    [Fact]
    public async Task Job_calls_check_fields_region_and_role()
    {
        var household = await service.Household().Head().Child().RegisterAsync();
        var head = household.Head;

        Assert.Equal("type", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.StartEmploymentAsync(Start(household, head, EmploymentType.Unspecified), Village))));
        Assert.Equal("started_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.StartEmploymentAsync(Start(household, head, startedOn: Day(2026, 3, 3)), Village))));
        var noEmployer = Start(household, head);
        noEmployer.Employer = " ";
        noEmployer.MonthlyIncome = null;
        Assert.Equal(["monthly_income"], RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.StartEmploymentAsync(noEmployer, Village))));
        noEmployer.MonthlyIncome = Fen(0);
        Assert.Equal(["employer"], RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.StartEmploymentAsync(noEmployer, Village))));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.StartEmploymentAsync(Start(household, household.Members[1]), Village));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.StartEmploymentAsync(Start(household, head), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.StartEmploymentAsync(Start(household, head), service.HumanResources()));
        Assert.Empty(await service.OutboxEventsAsync<EmploymentStarted>(household.Id));

        var job = (await Labour.StartEmploymentAsync(Start(household, head), Village)).Employment;
        Assert.Equal("ended_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.EndEmploymentAsync(End(job, Day(2025, 2, 28)), Village))));
        Assert.Equal("ended_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.EndEmploymentAsync(End(job, Day(2026, 3, 3)), Village))));
        Assert.Equal("employment_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Labour.EndEmploymentAsync(new EndEmploymentRequest { EmploymentId = "x", EndedOn = Day(2026, 1, 1) }, Village))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.EndEmploymentAsync(End(job), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.EndEmploymentAsync(new EndEmploymentRequest { EmploymentId = Guid.NewGuid().ToString(), EndedOn = Day(2026, 1, 1) }, Village));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.EndEmploymentAsync(End(job), service.As(PlatformRoles.Auditor, TestRegions.County)));
        Assert.Empty(await service.OutboxEventsAsync<EmploymentEnded>(household.Id));
    }

    [Fact]
    public async Task Earnings_publish_wages_and_a_correction_of_the_month_keeps_the_payment_id()
    {
        var household = await service.Household().Head().RegisterAsync();
        var job = (await Labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.Workshop), Village)).Employment;

        var first = await Labour.RecordEarningsAsync(Earnings(job, 2026, 1, 260_000), Village);
        var correction = await Labour.RecordEarningsAsync(Earnings(job, 2026, 1, 240_000), Village);
        var february = await Labour.RecordEarningsAsync(Earnings(job, 2026, 2, 250_000), Village);

        Assert.False(first.Corrected);
        Assert.True(correction.Corrected);
        Assert.Equal(first.Earnings.PaymentId, correction.Earnings.PaymentId);
        Assert.NotEqual(first.Earnings.PaymentId, february.Earnings.PaymentId);
        var wages = await service.OutboxEventsAsync<WagesPaid>(household.Id);
        Assert.Equal(3, wages.Count);
        Assert.Equal(wages[0].PaymentId, wages[1].PaymentId);
        Assert.Equal((2026, 1, 240_000L, "Workshop", household.Head.Id), (wages[1].Year, wages[1].Month, wages[1].AmountFen, wages[1].EmploymentType, wages[1].MemberId));
        Assert.Equal(Guid.Parse(february.Earnings.PaymentId), wages[2].PaymentId);
        var archived = Assert.Single((await Labour.GetLabourArchiveAsync(Archive(household, household.Head), Village)).Archive.Employments);
        Assert.Equal([240_000L, 250_000L], archived.Earnings.Select(m => m.Amount.Fen));
    }

    [Fact]
    public async Task Earnings_outside_the_jobs_months_or_not_positive_are_refused()
    {
        var household = await service.Household().Head().RegisterAsync();
        var job = (await Labour.StartEmploymentAsync(Start(household, household.Head, startedOn: Day(2025, 3, 15)), Village)).Employment;
        await Labour.RecordEarningsAsync(Earnings(job, 2025, 3, 100_000), Village);
        await Labour.EndEmploymentAsync(End(job, Day(2025, 11, 1)), Village);
        await Labour.RecordEarningsAsync(Earnings(job, 2025, 11, 10_000), Village);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.RecordEarningsAsync(Earnings(job, 2025, 2, 100_000), Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.RecordEarningsAsync(Earnings(job, 2025, 12, 100_000), Village));
        Assert.Equal("amount", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordEarningsAsync(Earnings(job, 2025, 5, 0), Village))));
        Assert.Equal("amount", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordEarningsAsync(Earnings(job, 2025, 5, -1), Village))));
        Assert.Equal("month", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.RecordEarningsAsync(Earnings(job, 2025, 13, 100), Village))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.RecordEarningsAsync(Earnings(job, 2025, 5, 100), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.RecordEarningsAsync(Earnings(job, 2025, 5, 100), service.HumanResources()));
        Assert.Equal(2, (await service.OutboxEventsAsync<WagesPaid>(household.Id)).Count);

        var running = (await Labour.StartEmploymentAsync(Start(household, household.Head), Village)).Employment;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.RecordEarningsAsync(Earnings(running, 2026, 4, 100_000), Village));
        await Labour.RecordEarningsAsync(Earnings(running, 2026, 3, 100_000), Village);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.EndEmploymentAsync(End(running, Day(2026, 2, 28)), Village));
    }

    [Fact]
    public async Task The_transport_subsidy_is_granted_once_per_out_of_province_job_and_year_at_the_policy_amount()
    {
        var household = await service.Household().Head().RegisterAsync();
        var migrant = (await Labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.OutOfProvinceMigrant), Village)).Employment;
        var local = (await Labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.InProvinceMigrant), Village)).Employment;

        var granted = await Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2026 }, Village);
        Assert.Equal(100_000, granted.Subsidy.Amount.Fen);
        await Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2025 }, Village);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2026 }, Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = local.EmploymentId, Year = 2026 }, Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2024 }, Village));
        Assert.Equal("year", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2027 }, Village))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2026 }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2026 }, service.HumanResources()));
        var archived = (await Labour.GetLabourArchiveAsync(Archive(household, household.Head), Village)).Archive.Employments.Single(j => j.EmploymentId == migrant.EmploymentId);
        Assert.Equal([2025, 2026], archived.TransportSubsidies.Select(s => s.Year));
    }

    [Fact]
    public async Task The_return_to_work_rate_counts_labourers_whose_job_ended_before_the_campaign_and_work_again()
    {
        const string village = "341522100288";
        var officer = service.VillageOfficer(village);
        var returned = await service.Household(village).Head().RegisterAsync();
        var stillHome = await service.Household(village).Head().RegisterAsync();
        var alwaysWorking = await service.Household(village).Head().RegisterAsync();
        var before = (await Labour.StartEmploymentAsync(Start(returned, returned.Head, startedOn: Day(2025, 3, 1)), officer)).Employment;
        await Labour.EndEmploymentAsync(End(before, Day(2026, 1, 20)), officer);
        await Labour.StartEmploymentAsync(Start(returned, returned.Head, EmploymentType.OutOfProvinceMigrant, Day(2026, 2, 20)), officer);
        var home = (await Labour.StartEmploymentAsync(Start(stillHome, stillHome.Head), officer)).Employment;
        await Labour.EndEmploymentAsync(End(home, Day(2026, 1, 25)), officer);
        await Labour.StartEmploymentAsync(Start(alwaysWorking, alwaysWorking.Head), officer);

        var request = new GetReturnToWorkRateRequest { RegionCode = village, CampaignStart = Day(2026, 2, 1), AsOf = Day(2026, 3, 1) };
        var rate = await Labour.GetReturnToWorkRateAsync(request, service.CountyOfficer(TestRegions.County));
        Assert.Equal((2, 1, 5_000), (rate.WorkedBefore, rate.Returned, rate.RateBasisPoints));
        var earlier = await Labour.GetReturnToWorkRateAsync(new GetReturnToWorkRateRequest { RegionCode = village, CampaignStart = Day(2026, 2, 1), AsOf = Day(2026, 2, 19) }, officer);
        Assert.Equal((2, 0, 0), (earlier.WorkedBefore, earlier.Returned, earlier.RateBasisPoints));

        var backwards = new GetReturnToWorkRateRequest { RegionCode = village, CampaignStart = Day(2026, 2, 1), AsOf = Day(2026, 1, 31) };
        Assert.Equal("as_of", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.GetReturnToWorkRateAsync(backwards, officer))));
        var noStart = new GetReturnToWorkRateRequest { RegionCode = village, AsOf = Day(2026, 3, 1) };
        Assert.Equal("campaign_start", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Labour.GetReturnToWorkRateAsync(noStart, officer))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Labour.GetReturnToWorkRateAsync(request, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Labour.GetReturnToWorkRateAsync(request, service.As(PlatformRoles.Operator, village)));
    }
}
