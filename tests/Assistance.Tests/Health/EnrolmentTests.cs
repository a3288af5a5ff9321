using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Assistance.Contracts;
using Platform.Security;
using Entity = Platform.Assistance.Health;

namespace Platform.Assistance.Tests.Health;

/// <summary>Officers record enrolments; the medical guarantee and the registry's copy follow them.</summary>
public sealed class EnrolmentTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private HealthService.HealthServiceClient Health => service.Client<HealthService.HealthServiceClient>();

    private static RecordInsuranceEnrolmentRequest Enrol(TestHousehold household, TestMember member, EnrolmentStatus status = EnrolmentStatus.Enrolled) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = member.Id.ToString(),
        Year = 2026,
        Premium = new Money { Fen = 38_000 },
        Subsidised = new Money { Fen = 38_000 },
        Status = status,
    };

    [Fact]
    public async Task Enrolling_every_member_turns_the_medical_guarantee_from_unknown_to_not_met_to_met_and_tells_the_registry()
    {
        var household = await service.Household().Head().Child(age: 10).RegisterAsync();
        var village = service.VillageOfficer(TestRegions.Village);

        var first = await Health.RecordInsuranceEnrolmentAsync(Enrol(household, household.Members[0]), village);
        var second = await Health.RecordInsuranceEnrolmentAsync(Enrol(household, household.Members[1]), village);

        Assert.Equal((GuaranteeState.NotMet, GuaranteeState.Met), (first.Medical.State, second.Medical.State));
        Assert.Contains("1 of 2 members", first.Medical.Reason);
        Assert.Equal($"enrolment:{second.Enrolment.Id}", second.Medical.DecidingRecord);
        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal(["Unknown", "NotMet", "Met"], events.Select(e => e.Medical));
    }

    [Fact]
    public async Task A_lapse_recorded_later_replaces_the_members_enrolment_for_the_year_and_the_guarantee_falls()
    {
        var household = await service.Household().Head().RegisterAsync();
        var village = service.VillageOfficer(TestRegions.Village);
        var enrolled = await Health.RecordInsuranceEnrolmentAsync(Enrol(household, household.Head), village);

        var lapsed = await Health.RecordInsuranceEnrolmentAsync(Enrol(household, household.Head, EnrolmentStatus.Lapsed), village);

        Assert.Equal(enrolled.Enrolment.Id, lapsed.Enrolment.Id);
        Assert.Equal((GuaranteeState.Met, GuaranteeState.NotMet), (enrolled.Medical.State, lapsed.Medical.State));
        var listed = await Health.ListInsuranceEnrolmentsAsync(new ListInsuranceEnrolmentsRequest { HouseholdId = household.Id.ToString(), Year = 2026 }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(EnrolmentStatus.Lapsed, Assert.Single(listed.Enrolments).Status);
    }

    [Fact]
    public async Task Officers_enrolling_one_member_for_the_year_at_once_leave_one_enrolment_and_a_caller_who_lost_the_race_is_told_to_retry()
    {
        var village = service.VillageOfficer(TestRegions.Village);
        for (var round = 0; round < 3; round++)
        {
            var household = await service.Household().Head().RegisterAsync();
            var requests = Enumerable.Range(0, 4).Select(i =>
            {
                var request = Enrol(household, household.Head);
                request.Premium = request.Subsidised = new Money { Fen = 38_000 + i };
                return request;
            }).ToList();

            var outcomes = await Race.RunAsync(requests.Count, i => Health.RecordInsuranceEnrolmentAsync(requests[i], village).ResponseAsync);

            // A call that reads the first one's enrolment updates it and succeeds too; one that inserted alongside it must not.
            Assert.Contains(StatusCode.OK, outcomes);
            Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.Aborted }));
            var memberId = household.Head.Id;
            var stored = Assert.Single(await service.QueryAsync(db => db.Set<Entity.InsuranceEnrolment>().Where(e => e.MemberId == memberId && e.Year == 2026).ToListAsync()));
            Assert.Contains(stored.PremiumFen, requests.Where((_, i) => outcomes[i] == StatusCode.OK).Select(r => r.Premium.Fen));
        }
    }

    [Fact]
    public async Task Reading_enrolments_is_audited_with_the_purpose_and_changes_are_audited_too()
    {
        var household = await service.Household().Head().RegisterAsync();
        await Health.RecordInsuranceEnrolmentAsync(Enrol(household, household.Head), service.VillageOfficer(TestRegions.Village));

        var listed = await Health.ListInsuranceEnrolmentsAsync(
            new ListInsuranceEnrolmentsRequest { HouseholdId = household.Id.ToString() },
            service.As(PlatformRoles.Auditor, TestRegions.County, "auditor-1", purpose: "annual enrolment check"));

        Assert.Single(listed.Enrolments);
        var audit = await service.QueryAsync(db => db.AuditRecords.Where(a => a.Action.StartsWith("health.enrolment")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "health.enrolments.read" && a.EntityId == household.Id.ToString() && a.Actor == "auditor-1" && a.Purpose == "annual enrolment check");
        Assert.Contains(audit, a => a.Action == "health.enrolment.record" && a.EntityId == listed.Enrolments[0].Id);
    }

    [Fact]
    public async Task Bad_input_names_its_field()
    {
        var household = await service.Household().Head().RegisterAsync();
        var stranger = await service.Household().Head().RegisterAsync();
        var village = service.VillageOfficer(TestRegions.Village);

        var overSubsidised = Enrol(household, household.Head);
        overSubsidised.Subsidised = new Money { Fen = 38_001 };
        Assert.Equal("subsidised", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordInsuranceEnrolmentAsync(overSubsidised, village))));

        var noStatus = Enrol(household, household.Head, EnrolmentStatus.Unspecified);
        Assert.Equal("status", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordInsuranceEnrolmentAsync(noStatus, village))));

        var badYear = Enrol(household, household.Head);
        badYear.Year = 1999;
        Assert.Equal("year", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordInsuranceEnrolmentAsync(badYear, village))));

        var otherMember = Enrol(household, stranger.Head);
        Assert.Equal("member_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordInsuranceEnrolmentAsync(otherMember, village))));

        var badId = Enrol(household, household.Head);
        badId.HouseholdId = "not-a-uuid";
        Assert.Equal("household_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordInsuranceEnrolmentAsync(badId, village))));
    }

    [Fact]
    public async Task Another_county_gets_not_found_and_readers_who_are_not_officers_may_not_record()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = Enrol(household, household.Head);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.RecordInsuranceEnrolmentAsync(request, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.ListInsuranceEnrolmentsAsync(
            new ListInsuranceEnrolmentsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Health.RecordInsuranceEnrolmentAsync(request, service.As(PlatformRoles.Auditor, TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Health.RecordInsuranceEnrolmentAsync(request, service.Department(Exchange.DepartmentKind.Health)));
    }
}
