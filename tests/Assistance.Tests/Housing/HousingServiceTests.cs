using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Security;
using static Platform.Assistance.Tests.Housing.HousingRequests;

namespace Platform.Assistance.Tests.Housing;

/// <summary>Appraisals and renovation projects through the housing service, with the guarantee they decide.</summary>
public sealed class HousingServiceTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private HousingService.HousingServiceClient Housing => service.Client<HousingService.HousingServiceClient>();

    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    [Fact]
    public async Task A_dangerous_appraisal_makes_housing_not_met_and_the_list_shows_newest_first_with_an_audit_record()
    {
        var household = await service.Household().Head().RegisterAsync();

        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.B, service.Today.AddDays(-100)), Village);
        var recorded = await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-10)), Village);

        Assert.Equal(GuaranteeState.NotMet, recorded.Housing.State);
        Assert.Contains("grade D", recorded.Housing.Reason);
        Assert.True(recorded.Appraisal.Dangerous);
        Assert.Equal("officer", recorded.Appraisal.Source);

        var listed = await Housing.ListAppraisalsAsync(new ListAppraisalsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal([HouseGrade.D, HouseGrade.B], listed.Appraisals.Select(a => a.Grade));
        Assert.Equal(GuaranteeState.NotMet, listed.Housing.State);
        var actions = await service.QueryAsync(db => db.AuditRecords.Where(r => r.EntityId == household.Id.ToString()).Select(r => r.Action).ToListAsync());
        Assert.Contains("housing.appraisals.read", actions);
    }

    [Fact]
    public async Task An_appraisal_names_every_bad_field()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = Appraisal(household, HouseGrade.Unspecified, service.Today.AddDays(1));
        request.Appraiser.Name = " ";
        request.Notes = new string('x', 401);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.RecordAppraisalAsync(request, Village));

        Assert.Equal(["grade", "notes"], RpcAssert.InvalidFields(error));
        request.Grade = HouseGrade.A;
        request.Notes = "";
        Assert.Equal(["appraised_on", "appraiser.name"], RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.RecordAppraisalAsync(request, Village))));
        request = Appraisal(household, HouseGrade.A, service.Today);
        request.AppraisedOn = new Pa.Common.V1.Date { Year = 2026, Month = 2, Day = 30 };
        Assert.Equal("appraised_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.RecordAppraisalAsync(request, Village))));
    }

    [Fact]
    public async Task Another_county_gets_not_found_and_only_officers_record()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = Appraisal(household, HouseGrade.C, service.Today);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.RecordAppraisalAsync(request, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.ListAppraisalsAsync(new ListAppraisalsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.ListRenovationsAsync(new ListRenovationsRequest { HouseholdId = household.Id.ToString() }, service.VillageOfficer(TestRegions.OtherVillage)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Housing.RecordAppraisalAsync(request, service.As(PlatformRoles.Auditor, TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Housing.StartRenovationAsync(Start(household, service.Today), service.As(PlatformRoles.DepartmentClient, TestRegions.Province)));
        Assert.Empty((await Housing.ListAppraisalsAsync(new ListAppraisalsRequest { HouseholdId = household.Id.ToString() }, service.As(PlatformRoles.Auditor, TestRegions.County))).Appraisals);
    }

    [Fact]
    public async Task Only_a_house_whose_latest_appraisal_is_C_or_D_gets_a_project_and_only_one_open_at_a_time()
    {
        var household = await service.Household().Head().RegisterAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.StartRenovationAsync(Start(household, service.Today), Village));
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-60)), Village);
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.B, service.Today.AddDays(-30)), Village);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.StartRenovationAsync(Start(household, service.Today), Village));

        var appraisal = await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.C, service.Today.AddDays(-5)), Village);
        var tooEarly = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.StartRenovationAsync(Start(household, service.Today.AddDays(-6)), Village));
        Assert.Equal("started_on", RpcAssert.InvalidField(tooEarly));
        var started = await Housing.StartRenovationAsync(Start(household, service.Today), Village);

        Assert.Equal(RenovationStatus.Planned, started.Project.Status);
        Assert.Equal(appraisal.Appraisal.Id, started.Project.AppraisalId);
        Assert.Equal(2_000_000, started.Project.Subsidy.Fen);
        Assert.Contains("rebuild planned", started.Housing.Reason);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.StartRenovationAsync(Start(household, service.Today), Village));
    }

    [Fact]
    public async Task Officers_starting_a_renovation_of_one_house_at_once_leave_one_open_project_and_the_others_are_refused()
    {
        for (var round = 0; round < 3; round++)
        {
            var household = await service.Household().Head().RegisterAsync();
            await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-5)), Village);

            var outcomes = await Race.RunAsync(4, _ => Housing.StartRenovationAsync(Start(household, service.Today), Village).ResponseAsync);

            Race.AssertOneWinner(outcomes, StatusCode.FailedPrecondition);
            Assert.Equal(1, await service.QueryAsync(db => db.Set<Assistance.Housing.RenovationProject>().CountAsync(p => p.HouseholdId == household.Id)));
        }
    }

    [Fact]
    public async Task A_subsidy_at_the_bound_passes_and_one_fen_more_is_refused_without_a_project()
    {
        var household = await service.Household().Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-5)), Village);
        var over = Start(household, service.Today);
        over.Subsidy.Fen = Platform.ServiceDefaults.MoneyLimits.HouseholdSubsidyFen + 1;

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.StartRenovationAsync(over, Village));

        Assert.Equal("subsidy", RpcAssert.InvalidField(error));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<Assistance.Housing.RenovationProject>().CountAsync(p => p.HouseholdId == household.Id)));
        over.Subsidy.Fen = Platform.ServiceDefaults.MoneyLimits.HouseholdSubsidyFen;
        Assert.Equal(over.Subsidy.Fen, (await Housing.StartRenovationAsync(over, Village)).Project.Subsidy.Fen);
    }

    [Fact]
    public async Task A_start_request_names_every_bad_field()
    {
        var request = new StartRenovationRequest { HouseholdId = "not-an-id", Subsidy = new Pa.Common.V1.Money { Fen = -1 } };

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.StartRenovationAsync(request, Village));

        Assert.Equal(["household_id", "kind", "subsidy", "started_on"], RpcAssert.InvalidFields(error));
    }

    [Fact]
    public async Task A_project_moves_only_forward_and_a_failed_acceptance_sends_it_back_until_a_passed_one_meets_the_guarantee()
    {
        var household = await service.Household().Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-90)), Village);
        var id = (await Housing.StartRenovationAsync(Start(household, service.Today.AddDays(-80)), Village)).Project.Id;

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Completed), Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true), Village));
        Assert.Equal("status", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Accepted), Village))));
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.UnderConstruction), Village);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.UnderConstruction), Village));
        var completed = await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Completed), Village);
        Assert.Equal(GuaranteeState.NotMet, completed.Housing.State);
        Assert.Contains("completed, not yet accepted", completed.Housing.Reason);

        Assert.Equal("findings", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: false), Village))));
        var failed = await Housing.RecordAcceptanceAsync(Acceptance(id, service.Today.AddDays(-3), passed: false, findings: "roof beams undersized"), Village);
        Assert.Equal(RenovationStatus.UnderConstruction, failed.Project.Status);
        Assert.Equal(GuaranteeState.NotMet, failed.Housing.State);

        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Completed), Village);
        var accepted = await Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true), Village);
        Assert.Equal(RenovationStatus.Accepted, accepted.Project.Status);
        Assert.Equal(GuaranteeState.Met, accepted.Housing.State);
        Assert.Equal($"renovation:{id}", accepted.Housing.DecidingRecord);
        Assert.Equal([false, true], accepted.Project.Inspections.Select(i => i.Passed));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Cancelled), Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Housing.StartRenovationAsync(Start(household, service.Today), Village));
        var listed = await Housing.ListRenovationsAsync(new ListRenovationsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(RenovationStatus.Accepted, Assert.Single(listed.Projects).Status);
    }

    [Fact]
    public async Task A_relocation_instead_is_accepted_only_when_the_family_moved_in()
    {
        var household = await service.Household().Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.C, service.Today.AddDays(-90)), Village);
        var id = (await Housing.StartRenovationAsync(Start(household, service.Today.AddDays(-80), RenovationKind.RelocationInstead), Village)).Project.Id;
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.UnderConstruction), Village);
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Completed), Village);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true), Village));
        Assert.Equal("family_moved_in", RpcAssert.InvalidField(error));
        Assert.Equal("inspected_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Housing.RecordAcceptanceAsync(Acceptance(id, service.Today.AddDays(-81), passed: true, movedIn: true), Village))));

        var accepted = await Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true, movedIn: true), Village);
        Assert.Equal(GuaranteeState.Met, accepted.Housing.State);
        Assert.Contains("moved", accepted.Housing.Reason);
    }

    [Fact]
    public async Task Another_countys_project_is_not_found_and_an_unknown_one_too()
    {
        var household = await service.Household().Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.C, service.Today), Village);
        var id = (await Housing.StartRenovationAsync(Start(household, service.Today), Village)).Project.Id;

        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.UnderConstruction), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true), service.VillageOfficer(TestRegions.OtherVillage)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.AdvanceRenovationAsync(Advance(Guid.CreateVersion7().ToString(), RenovationStatus.UnderConstruction), Village));
    }

    [Fact]
    public async Task The_outbox_tells_the_registry_housing_is_not_met_for_a_D_house_and_met_once_its_renovation_is_accepted()
    {
        var household = await service.Household().Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-60)), Village);

        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal(("Unknown", "NotMet"), (events[0].Housing, events[^1].Housing));
        Assert.Contains(events[^1].Reasons, r => r.StartsWith("Housing:") && r.Contains("grade D"));

        var id = (await Housing.StartRenovationAsync(Start(household, service.Today.AddDays(-50)), Village)).Project.Id;
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.UnderConstruction), Village);
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Completed), Village);
        Assert.Equal("NotMet", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Housing);
        await Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true), Village);

        events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal("Met", events[^1].Housing);
        Assert.DoesNotContain(events[^1].Reasons, r => r.StartsWith("Housing:"));
    }
}
