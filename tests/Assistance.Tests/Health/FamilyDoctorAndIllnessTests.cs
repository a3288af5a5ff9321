using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Security;

namespace Platform.Assistance.Tests.Health;

/// <summary>Family-doctor contracts with follow-up visits, and chronic and serious illness records.</summary>
public sealed class FamilyDoctorAndIllnessTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private HealthService.HealthServiceClient Health => service.Client<HealthService.HealthServiceClient>();

    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    private static SignFamilyDoctorRequest Contract(TestHousehold household) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = household.Head.Id.ToString(),
        Doctor = "Dr. Wang",
        Clinic = "Qilipeng village clinic",
        SignedOn = new Date { Year = 2026, Month = 1, Day = 10 },
        ValidUntil = new Date { Year = 2026, Month = 12, Day = 31 },
    };

    [Fact]
    public async Task A_contract_keeps_its_follow_up_visits_in_date_order_and_reading_them_is_audited()
    {
        var household = await service.Household().Head().RegisterAsync();
        var contract = (await Health.SignFamilyDoctorAsync(Contract(household), Village)).Contract;

        foreach (var day in new[] { 20, 5 })
        {
            await Health.RecordDoctorVisitAsync(new RecordDoctorVisitRequest
            {
                ContractId = contract.Id, VisitedOn = new Date { Year = 2026, Month = 2, Day = day }, Doctor = "Dr. Wang", Notes = "blood pressure checked",
            }, Village);
        }

        var listed = await Health.ListFamilyDoctorContractsAsync(new ListFamilyDoctorContractsRequest { HouseholdId = household.Id.ToString() },
            service.As(PlatformRoles.CountyOfficer, TestRegions.County, "county-1", purpose: "follow-up review"));
        var read = Assert.Single(listed.Contracts);
        Assert.Equal([5, 20], read.Visits.Select(v => v.VisitedOn.Day));
        Assert.Equal(1, await service.QueryAsync(db => db.AuditRecords.CountAsync(a =>
            a.Action == "health.family-doctors.read" && a.EntityId == household.Id.ToString() && a.Purpose == "follow-up review")));
    }

    [Fact]
    public async Task Contract_and_visit_dates_are_checked_and_a_visit_to_another_countys_contract_is_not_found()
    {
        var household = await service.Household().Head().RegisterAsync();
        var backwards = Contract(household);
        backwards.ValidUntil = backwards.SignedOn;
        Assert.Equal("valid_until", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.SignFamilyDoctorAsync(backwards, Village))));
        var noDoctor = Contract(household);
        noDoctor.Doctor = " ";
        Assert.Equal("doctor", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.SignFamilyDoctorAsync(noDoctor, Village))));

        var contract = (await Health.SignFamilyDoctorAsync(Contract(household), Village)).Contract;
        var beforeSigning = new RecordDoctorVisitRequest { ContractId = contract.Id, VisitedOn = new Date { Year = 2026, Month = 1, Day = 9 }, Doctor = "Dr. Wang" };
        Assert.Equal("visited_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordDoctorVisitAsync(beforeSigning, Village))));

        var fine = new RecordDoctorVisitRequest { ContractId = contract.Id, VisitedOn = new Date { Year = 2026, Month = 2, Day = 1 }, Doctor = "Dr. Wang" };
        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.RecordDoctorVisitAsync(fine, service.CountyOfficer(TestRegions.OtherCounty)));
        fine.ContractId = Guid.NewGuid().ToString();
        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.RecordDoctorVisitAsync(fine, Village));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Health.SignFamilyDoctorAsync(Contract(household), service.As(PlatformRoles.Auditor, TestRegions.County)));
    }

    [Fact]
    public async Task An_illness_is_recorded_for_a_member_and_listed_for_readers_of_the_region_only()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = new RecordIllnessRequest
        {
            HouseholdId = household.Id.ToString(), MemberId = household.Head.Id.ToString(), Kind = IllnessKind.Chronic,
            Category = "hypertension", DiagnosedOn = new Date { Year = 2025, Month = 11, Day = 3 }, Source = "chronic-disease screening",
        };

        var recorded = await Health.RecordIllnessAsync(request, Village);

        var listed = await Health.ListIllnessesAsync(new ListIllnessesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal((recorded.Illness.Id, IllnessKind.Chronic, "hypertension"), (listed.Illnesses[0].Id, listed.Illnesses[0].Kind, listed.Illnesses[0].Category));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.ListIllnessesAsync(new ListIllnessesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));

        request.Kind = IllnessKind.Unspecified;
        Assert.Equal("kind", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordIllnessAsync(request, Village))));
    }
}
