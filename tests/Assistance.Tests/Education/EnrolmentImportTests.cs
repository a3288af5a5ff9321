using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Exchange;
using Platform.Security;

namespace Platform.Assistance.Tests.Education;

/// <summary>The education department's enrolment push (数据比对).</summary>
public sealed class EnrolmentImportTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private EducationService.EducationServiceClient Education => service.Client<EducationService.EducationServiceClient>();

    private static EnrolmentRow Row(TestMember child, string recordKey, SchoolStage stage = SchoolStage.Primary, string? nationalId = null, Pa.Common.V1.Date? withdrawnOn = null) => new()
    {
        NationalId = nationalId ?? child.NationalId, Stage = stage, School = "Xindian Primary School", Grade = 5, SchoolYear = 2025, RecordKey = recordKey,
        WithdrawnOn = withdrawnOn,
    };

    private async Task<DepartmentImportReport> PushAsync(CallOptions options, string batchId, params EnrolmentRow[] rows)
    {
        using var call = Education.ImportEnrolments(options);
        var messages = rows.Select(row => new ImportEnrolmentsRequest { Row = row })
            .Prepend(new ImportEnrolmentsRequest { Header = new DepartmentBatchHeader { BatchId = batchId, SourceSystem = "province-education-sis" } });
        return (await ClientStreams.SendAsync(call, messages)).Report;
    }

    private Task<int> EnrolmentsWithKeyAsync(string key) => service.QueryAsync(db => db.Set<Platform.Assistance.Education.Enrolment>().CountAsync(e => e.RecordKey == key));

    [Fact]
    public async Task Good_rows_are_kept_bad_rows_reported_by_position_and_the_child_is_no_longer_at_risk()
    {
        var household = await service.Household().Head().Child(age: 11, schooling: "DroppedOut").RegisterAsync();
        var child = household.Members[1];
        var unknown = HouseholdBuilder.NewNationalId(TestRegions.Village, service.Today.AddYears(-10), male: true);
        var key = $"edu-{Guid.NewGuid():N}";

        var report = await PushAsync(service.Department(DepartmentKind.Education), $"b-{Guid.NewGuid():N}",
            Row(child, key),
            Row(child, "k2", nationalId: "123"),
            Row(child, "k3", nationalId: unknown),
            Row(child, "", SchoolStage.Unspecified));

        Assert.Equal((4, 1, 3, 1, 1), (report.RowsReceived, report.RowsApplied, report.RowsRejected, report.HouseholdsReassessed, report.StatusesChanged));
        Assert.Equal(
            new[] { (2, "national_id"), (3, "national_id"), (4, "stage"), (4, "record_key") }.Order(),
            report.Problems.Select(p => (p.Position, p.Field)).Order());
        var guarantees = await service.Client<GuaranteeService.GuaranteeServiceClient>().GetHouseholdGuaranteesAsync(
            new GetHouseholdGuaranteesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(GuaranteeState.Met, guarantees.Guarantees.Education.State);
        var enrolment = Assert.Single((await Education.ListEnrolmentsAsync(new ListEnrolmentsRequest { HouseholdId = household.Id.ToString() }, service.VillageOfficer(TestRegions.Village))).Enrolments);
        Assert.Equal((EnrolmentSource.Department, key, child.Id.ToString()), (enrolment.Source, enrolment.RecordKey, enrolment.MemberId));
    }

    [Fact]
    public async Task A_resent_batch_changes_nothing_and_a_key_resent_in_a_new_batch_updates_its_enrolment()
    {
        var household = await service.Household().Head().Child(age: 9).RegisterAsync();
        var child = household.Members[1];
        var key = $"edu-{Guid.NewGuid():N}";
        var batch = $"b-{Guid.NewGuid():N}";
        await PushAsync(service.Department(DepartmentKind.Education), batch, Row(child, key));

        var replay = await PushAsync(service.Department(DepartmentKind.Education), batch, Row(child, key, withdrawnOn: service.Today.Proto()));
        Assert.True(replay.Replayed);
        Assert.Equal(1, replay.RowsApplied);
        var kept = Assert.Single((await Education.ListEnrolmentsAsync(new ListEnrolmentsRequest { HouseholdId = household.Id.ToString() }, service.VillageOfficer(TestRegions.Village))).Enrolments);
        Assert.Null(kept.WithdrawnOn);

        var same = await PushAsync(service.Department(DepartmentKind.Education), $"b-{Guid.NewGuid():N}", Row(child, key));
        Assert.Equal((0, 1), (same.RowsApplied, same.RowsUnchanged));

        var withdrawn = await PushAsync(service.Department(DepartmentKind.Education), $"b-{Guid.NewGuid():N}", Row(child, key, withdrawnOn: service.Today.Proto()));
        Assert.Equal((1, 1), (withdrawn.RowsApplied, withdrawn.StatusesChanged));
        Assert.Equal(1, await EnrolmentsWithKeyAsync(key));
        var updated = Assert.Single((await Education.ListEnrolmentsAsync(new ListEnrolmentsRequest { HouseholdId = household.Id.ToString() }, service.VillageOfficer(TestRegions.Village))).Enrolments);
        Assert.Equal(service.Today.Proto(), updated.WithdrawnOn);
        var open = await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest(), service.VillageOfficer(TestRegions.Village));
        Assert.Contains(open.Cases, c => c.MemberId == child.Id.ToString() && c.Open);
    }

    [Fact]
    public async Task Only_the_education_department_may_push_and_only_about_people_in_its_region()
    {
        var household = await service.Household().Head().Child(age: 10).RegisterAsync();
        var row = Row(household.Members[1], $"edu-{Guid.NewGuid():N}");

        var health = await Assert.ThrowsAsync<RpcException>(() => PushAsync(service.Department(DepartmentKind.Health), "b-health", row));
        Assert.Equal(StatusCode.PermissionDenied, health.StatusCode);
        var officer = await Assert.ThrowsAsync<RpcException>(() => PushAsync(service.As(PlatformRoles.CountyOfficer, TestRegions.County), "b-officer", row));
        Assert.Equal(StatusCode.PermissionDenied, officer.StatusCode);

        var elsewhere = await PushAsync(service.Department(DepartmentKind.Education, TestRegions.OtherCounty), $"b-{Guid.NewGuid():N}", row);
        Assert.Equal((0, 1), (elsewhere.RowsApplied, elsewhere.RowsRejected));
        Assert.Equal("national_id", Assert.Single(elsewhere.Problems).Field);
    }
}
