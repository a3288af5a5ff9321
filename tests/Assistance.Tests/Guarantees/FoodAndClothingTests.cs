using Grpc.Core;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Security;

namespace Platform.Assistance.Tests.Guarantees;

/// <summary>The village's food-and-clothing declaration decides that guarantee and tells the registry.</summary>
public sealed class FoodAndClothingTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private GuaranteeService.GuaranteeServiceClient Guarantees => service.Client<GuaranteeService.GuaranteeServiceClient>();

    [Fact]
    public async Task A_registered_household_starts_unknown_and_a_secure_declaration_makes_it_met_with_one_event_each()
    {
        var household = await service.Household().Head().RegisterAsync();

        var before = await Guarantees.GetHouseholdGuaranteesAsync(new GetHouseholdGuaranteesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(GuaranteeState.Unknown, before.Guarantees.FoodAndClothing.State);
        Assert.False(before.Guarantees.AllMet);

        var declared = await Guarantees.DeclareFoodAndClothingAsync(
            new DeclareFoodAndClothingRequest { HouseholdId = household.Id.ToString(), Secure = true }, service.VillageOfficer(TestRegions.Village));

        Assert.Equal(GuaranteeState.Met, declared.Guarantees.FoodAndClothing.State);
        Assert.StartsWith("declaration:", declared.Guarantees.FoodAndClothing.DecidingRecord);
        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal(2, events.Count);
        Assert.Equal(("Unknown", "Met"), (events[0].FoodAndClothing, events[1].FoodAndClothing));
        Assert.True(events[1].ChangedAt > events[0].ChangedAt, "each change carries a later time, so the registry never takes it for stale");

        await Guarantees.DeclareFoodAndClothingAsync(new DeclareFoodAndClothingRequest { HouseholdId = household.Id.ToString(), Secure = true }, service.VillageOfficer(TestRegions.Village));
        Assert.Equal(2, (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id)).Count);
    }

    [Fact]
    public async Task Not_secure_needs_a_note_and_is_not_met_with_the_village_finding()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = new DeclareFoodAndClothingRequest { HouseholdId = household.Id.ToString(), Secure = false };

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Guarantees.DeclareFoodAndClothingAsync(request, service.VillageOfficer(TestRegions.Village)));
        Assert.Equal("note", RpcAssert.InvalidField(error));

        request.Note = "grain store empty since the flood";
        var declared = await Guarantees.DeclareFoodAndClothingAsync(request, service.VillageOfficer(TestRegions.Village));
        Assert.Equal(GuaranteeState.NotMet, declared.Guarantees.FoodAndClothing.State);
        Assert.Contains("grain store empty", declared.Guarantees.FoodAndClothing.Reason);
    }

    [Fact]
    public async Task Another_village_gets_not_found_and_a_department_client_may_not_declare()
    {
        var household = await service.Household().Head().RegisterAsync();
        var request = new DeclareFoodAndClothingRequest { HouseholdId = household.Id.ToString(), Secure = true };

        await RpcAssert.FailsAsync(StatusCode.NotFound, Guarantees.DeclareFoodAndClothingAsync(request, service.VillageOfficer(TestRegions.OtherVillage)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Guarantees.GetHouseholdGuaranteesAsync(
            new GetHouseholdGuaranteesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Guarantees.DeclareFoodAndClothingAsync(
            request, service.As(PlatformRoles.DepartmentClient, TestRegions.Province)));
    }
}
