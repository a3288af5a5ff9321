using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Assistance.Exchange;
using Platform.ServiceDefaults;
using HouseAppraisalRecord = Platform.Assistance.Housing.HouseAppraisal;

namespace Platform.Assistance.Tests.Housing;

/// <summary>The housing department pushes appraisals (数据比对) through the shared department importer.</summary>
public sealed class HouseAppraisalImportTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private HousingService.HousingServiceClient Housing => service.Client<HousingService.HousingServiceClient>();

    private CallOptions CountyDepartment => service.Department(DepartmentKind.Housing, TestRegions.County);

    [Fact]
    public async Task Good_rows_are_kept_and_bad_rows_reported_by_position()
    {
        var first = await service.Household().Head().RegisterAsync();
        var second = await service.Household(TestRegions.OtherVillage).Head().Child(age: 12).RegisterAsync();
        var neighbour = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var valid = first.Head.NationalId;
        var badCheckDigit = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var stranger = HouseholdBuilder.NewNationalId(TestRegions.Village, new DateOnly(1980, 5, 5), male: true);
        var key = Key();

        var report = await PushAsync(CountyDepartment, Header(Key()),
            Row(valid, HouseGrade.D, $"{key}-1"),
            Row(badCheckDigit, HouseGrade.C, $"{key}-2"),
            Row(stranger, HouseGrade.C, $"{key}-3"),
            Row(neighbour.Head.NationalId, HouseGrade.C, $"{key}-4"),
            Row(second.Head.NationalId, HouseGrade.Unspecified, $"{key}-5"),
            Row(second.Members[1].NationalId, HouseGrade.B, $"{key}-6"));

        Assert.Equal((6, 2, 0, 4, 2), (report.RowsReceived, report.RowsApplied, report.RowsUnchanged, report.RowsRejected, report.HouseholdsReassessed));
        Assert.False(report.Replayed);
        Assert.Equal([(2, "national_id"), (3, "national_id"), (4, "national_id"), (5, "grade")], report.Problems.OrderBy(p => p.Position).Select(p => (p.Position, p.Field)));
        Assert.Equal(DepartmentMembers.NotFoundReason, report.Problems.Single(p => p.Position == 4).Reason);

        var kept = await service.QueryAsync(db => db.Set<HouseAppraisalRecord>().Where(a => a.RecordKey!.StartsWith(key)).ToListAsync());
        Assert.Equal([(first.Id, $"{key}-1"), (second.Id, $"{key}-6")], kept.OrderBy(a => a.RecordKey).Select(a => (a.HouseholdId, a.RecordKey!)));
        var listed = await Housing.ListAppraisalsAsync(new ListAppraisalsRequest { HouseholdId = first.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(("department", $"{key}-1"), (Assert.Single(listed.Appraisals).Source, listed.Appraisals[0].RecordKey));
        Assert.Equal(GuaranteeState.NotMet, listed.Housing.State);
        Assert.Empty(await service.QueryAsync(db => db.Set<HouseAppraisalRecord>().Where(a => a.HouseholdId == neighbour.Id).ToListAsync()));
    }

    [Fact]
    public async Task Resending_a_batch_id_returns_the_same_report_replayed_and_changes_nothing()
    {
        var household = await service.Household().Head().RegisterAsync();
        var batch = Key();
        var key = Key();
        var first = await PushAsync(CountyDepartment, Header(batch), Row(household.Head.NationalId, HouseGrade.C, key), Row("123", HouseGrade.C, Key()));
        var eventsBefore = (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id)).Count;

        var again = await PushAsync(CountyDepartment, Header(batch), Row(household.Head.NationalId, HouseGrade.A, key), Row(household.Head.NationalId, HouseGrade.A, Key()));

        Assert.True(again.Replayed);
        Assert.Equal((first.RowsReceived, first.RowsApplied, first.RowsRejected, first.StatusesChanged), (again.RowsReceived, again.RowsApplied, again.RowsRejected, again.StatusesChanged));
        Assert.Equal(first.Problems, again.Problems);
        var held = await service.QueryAsync(db => db.Set<HouseAppraisalRecord>().Where(a => a.HouseholdId == household.Id).ToListAsync());
        Assert.Equal(Platform.Assistance.Housing.HouseGrade.C, Assert.Single(held).Grade);
        Assert.Equal(eventsBefore, (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id)).Count);
    }

    [Fact]
    public async Task A_record_key_sent_in_a_new_batch_updates_its_one_record_and_an_identical_one_is_unchanged()
    {
        var household = await service.Household().Head().Child(age: 8).RegisterAsync();
        var key = Key();
        await PushAsync(CountyDepartment, Header(Key()), Row(household.Head.NationalId, HouseGrade.B, key));
        Assert.Equal("Met", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Housing);

        var changed = await PushAsync(CountyDepartment, Header(Key()), Row(household.Members[1].NationalId, HouseGrade.D, key));
        var same = await PushAsync(CountyDepartment, Header(Key()), Row(household.Head.NationalId, HouseGrade.D, key));

        Assert.Equal((1, 1), (changed.RowsApplied, changed.StatusesChanged));
        Assert.Equal((0, 1, 0), (same.RowsApplied, same.RowsUnchanged, same.StatusesChanged));
        var held = await service.QueryAsync(db => db.Set<HouseAppraisalRecord>().Where(a => a.HouseholdId == household.Id).ToListAsync());
        Assert.Equal(Platform.Assistance.Housing.HouseGrade.D, Assert.Single(held).Grade);
        Assert.Equal("NotMet", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Housing);
    }

    [Fact]
    public async Task A_record_key_of_another_household_is_rejected()
    {
        var household = await service.Household().Head().RegisterAsync();
        var other = await service.Household().Head().RegisterAsync();
        var key = Key();
        await PushAsync(CountyDepartment, Header(Key()), Row(household.Head.NationalId, HouseGrade.C, key));

        var report = await PushAsync(CountyDepartment, Header(Key()), Row(other.Head.NationalId, HouseGrade.A, key));

        Assert.Equal(1, report.RowsRejected);
        Assert.Equal((1, "record_key"), (report.Problems[0].Position, report.Problems[0].Field));
    }

    [Fact]
    public async Task A_missing_header_or_empty_batch_id_is_invalid()
    {
        var household = await service.Household().Head().RegisterAsync();

        var missing = await PushFailsAsync(StatusCode.InvalidArgument, CountyDepartment, Row(household.Head.NationalId, HouseGrade.A, Key()));
        var empty = await PushFailsAsync(StatusCode.InvalidArgument, CountyDepartment, Header("  "), Row(household.Head.NationalId, HouseGrade.A, Key()));
        var nothing = await PushFailsAsync(StatusCode.InvalidArgument, CountyDepartment);

        Assert.Equal("header", RpcAssert.InvalidField(missing));
        Assert.Equal("header.batch_id", RpcAssert.InvalidField(empty));
        Assert.Equal("header", RpcAssert.InvalidField(nothing));
        Assert.Empty(await service.QueryAsync(db => db.Set<HouseAppraisalRecord>().Where(a => a.HouseholdId == household.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_second_header_and_bad_fields_are_rejected_rows_with_every_problem()
    {
        var household = await service.Household().Head().RegisterAsync();
        var bad = Row(household.Head.NationalId, HouseGrade.A, " ");
        bad.Row.AppraisedOn = service.Today.AddDays(1).ToProto();
        bad.Row.Appraiser.Name = " ";
        var unnamed = Row(household.Head.NationalId, HouseGrade.A, " ");
        unnamed.Row.Appraiser.Name = "";

        var report = await PushAsync(CountyDepartment, Header(Key()), Header(Key()), bad, unnamed);

        // The contract's rules come first (an empty name); the service's own only for a row that passes them.
        Assert.Equal((3, 0, 3), (report.RowsReceived, report.RowsApplied, report.RowsRejected));
        Assert.Equal([(1, "header"), (2, "appraised_on"), (2, "appraiser.name"), (2, "record_key"), (3, "appraiser.name")],
            report.Problems.OrderBy(p => p.Position).ThenBy(p => p.Field).Select(p => (p.Position, p.Field)));
    }

    [Fact]
    public async Task Only_a_housing_department_client_may_push()
    {
        var household = await service.Household().Head().RegisterAsync();
        var row = Row(household.Head.NationalId, HouseGrade.D, Key());

        await PushFailsAsync(StatusCode.PermissionDenied, service.Department(DepartmentKind.Water, TestRegions.County), Header(Key()), row);
        await PushFailsAsync(StatusCode.PermissionDenied, service.CountyOfficer(TestRegions.County), Header(Key()), row);

        Assert.Empty(await service.QueryAsync(db => db.Set<HouseAppraisalRecord>().Where(a => a.HouseholdId == household.Id).ToListAsync()));
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private static ImportHouseAppraisalsRequest Header(string batchId) =>
        new() { Header = new DepartmentBatchHeader { BatchId = batchId, SourceSystem = "province-housing" } };

    private ImportHouseAppraisalsRequest Row(string nationalId, HouseGrade grade, string recordKey) => new()
    {
        Row = new HouseAppraisalRow
        {
            NationalId = nationalId,
            Grade = grade,
            AppraisedOn = service.Today.AddDays(-7).ToProto(),
            Appraiser = new Appraiser { Name = "Chen Jie", Organisation = "Provincial housing department" },
            RecordKey = recordKey,
        },
    };

    private async Task<DepartmentImportReport> PushAsync(CallOptions options, params ImportHouseAppraisalsRequest[] messages)
    {
        using var call = Housing.ImportHouseAppraisals(options);
        return (await ClientStreams.SendAsync(call, messages)).Report;
    }

    private async Task<RpcException> PushFailsAsync(StatusCode expected, CallOptions options, params ImportHouseAppraisalsRequest[] messages)
    {
        using var call = Housing.ImportHouseAppraisals(options);
        var error = await Assert.ThrowsAsync<RpcException>(() => ClientStreams.SendAsync(call, messages));
        Assert.Equal(expected, error.StatusCode);
        return error;
    }
}
