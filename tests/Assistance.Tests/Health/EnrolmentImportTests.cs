using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Assistance.Contracts;
using Platform.Assistance.Exchange;
using Entity = Platform.Assistance.Health;

namespace Platform.Assistance.Tests.Health;

/// <summary>The health department pushes enrolments (数据比对): good rows kept, bad rows reported, batches idempotent, keys upserted.</summary>
public sealed class EnrolmentImportTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private HealthService.HealthServiceClient Health => service.Client<HealthService.HealthServiceClient>();

    private static InsuranceEnrolmentRow Row(string nationalId, string key, long premium = 38_000, long subsidised = 38_000) => new()
    {
        NationalId = nationalId, Year = 2026, Premium = new Money { Fen = premium }, Subsidised = new Money { Fen = subsidised }, RecordKey = key,
    };

    private async Task<DepartmentImportReport> PushAsync(string batchId, IEnumerable<InsuranceEnrolmentRow> rows, CallOptions? options = null)
    {
        using var call = Health.ImportInsuranceEnrolments(options ?? service.Department(DepartmentKind.Health));
        var messages = rows.Select(row => new ImportInsuranceEnrolmentsRequest { Row = row })
            .Prepend(new ImportInsuranceEnrolmentsRequest { Header = new DepartmentBatchHeader { BatchId = batchId, SourceSystem = "province-medical-insurance" } });
        return (await ClientStreams.SendAsync(call, messages)).Report;
    }

    private Task<List<Entity.InsuranceEnrolment>> EnrolmentsAsync(TestHousehold household) =>
        service.QueryAsync(db => db.Set<Entity.InsuranceEnrolment>().Where(e => e.HouseholdId == household.Id).ToListAsync());

    [Fact]
    public async Task Good_rows_are_kept_bad_rows_are_reported_by_position_and_the_guarantee_follows()
    {
        var household = await service.Household().Head().Child(age: 8).RegisterAsync();
        var stranger = HouseholdBuilder.NewNationalId(TestRegions.Village, new DateOnly(1980, 5, 5), male: true);
        var batch = $"h-{Guid.NewGuid():N}";

        var report = await PushAsync(batch,
        [
            Row(household.Members[0].NationalId, $"{batch}-1"),
            Row("123", $"{batch}-2"),
            Row(household.Members[1].NationalId, $"{batch}-3"),
            Row(stranger, $"{batch}-4"),
            Row(household.Members[0].NationalId, $"{batch}-5", premium: 100, subsidised: 101),
        ]);

        Assert.Equal((5, 2, 3, 1), (report.RowsReceived, report.RowsApplied, report.RowsRejected, report.HouseholdsReassessed));
        Assert.Equal([(2, "national_id"), (4, "national_id"), (5, "subsidised")], report.Problems.Select(p => (p.Position, p.Field)));
        Assert.All(await EnrolmentsAsync(household), e => Assert.Equal(("department", Entity.EnrolmentStatus.Enrolled), (e.Source, e.Status)));
        Assert.Equal("Met", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Medical);
    }

    [Fact]
    public async Task A_resent_batch_id_changes_nothing_and_says_replayed()
    {
        var household = await service.Household().Head().RegisterAsync();
        var batch = $"h-{Guid.NewGuid():N}";
        var first = await PushAsync(batch, [Row(household.Head.NationalId, $"{batch}-1")]);

        var again = await PushAsync(batch, [Row(household.Head.NationalId, $"{batch}-1", premium: 99_000, subsidised: 0)]);

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(1, again.RowsApplied);
        Assert.Equal(38_000, Assert.Single(await EnrolmentsAsync(household)).PremiumFen);
    }

    [Fact]
    public async Task A_record_key_resent_in_a_new_batch_updates_its_enrolment_and_the_same_values_again_are_unchanged()
    {
        var household = await service.Household().Head().RegisterAsync();
        var key = $"k-{Guid.NewGuid():N}";
        await PushAsync($"h-{Guid.NewGuid():N}", [Row(household.Head.NationalId, key)]);

        var updated = await PushAsync($"h-{Guid.NewGuid():N}", [Row(household.Head.NationalId, key, premium: 40_000, subsidised: 20_000)]);
        var same = await PushAsync($"h-{Guid.NewGuid():N}", [Row(household.Head.NationalId, key, premium: 40_000, subsidised: 20_000)]);

        Assert.Equal((1, 0), (updated.RowsApplied, updated.RowsUnchanged));
        Assert.Equal((0, 1), (same.RowsApplied, same.RowsUnchanged));
        var enrolment = Assert.Single(await EnrolmentsAsync(household));
        Assert.Equal((40_000L, 20_000L, key), (enrolment.PremiumFen, enrolment.SubsidisedFen, enrolment.RecordKey));
    }

    [Fact]
    public async Task A_record_key_naming_another_members_enrolment_is_refused()
    {
        var household = await service.Household().Head().Child(age: 5).RegisterAsync();
        var key = $"k-{Guid.NewGuid():N}";
        await PushAsync($"h-{Guid.NewGuid():N}", [Row(household.Members[0].NationalId, key)]);

        var report = await PushAsync($"h-{Guid.NewGuid():N}", [Row(household.Members[1].NationalId, key)]);

        Assert.Equal((1, "record_key"), (report.RowsRejected, Assert.Single(report.Problems).Field));
        Assert.Single(await EnrolmentsAsync(household));
    }

    [Fact]
    public async Task Another_kind_of_department_may_not_push_and_a_department_of_another_county_does_not_find_the_person()
    {
        var household = await service.Household().Head().RegisterAsync();
        var row = Row(household.Head.NationalId, $"k-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<RpcException>(() => PushAsync($"h-{Guid.NewGuid():N}", [row], service.Department(DepartmentKind.Education)));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var elsewhere = await PushAsync($"h-{Guid.NewGuid():N}", [row], service.Department(DepartmentKind.Health, TestRegions.OtherCounty));
        Assert.Equal((1, "national_id"), (elsewhere.RowsRejected, Assert.Single(elsewhere.Problems).Field));
        Assert.Empty(await EnrolmentsAsync(household));
    }
}
