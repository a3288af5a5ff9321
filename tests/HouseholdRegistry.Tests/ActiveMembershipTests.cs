using Grpc.Core;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>A person may be an active member of one household only.</summary>
public sealed class ActiveMembershipTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_person_already_in_a_household_cannot_join_another()
    {
        var first = Applications.Household(Seeded.Qilipeng);
        await registry.ApplyAsync(first);
        var second = Applications.Household(Seeded.Donghu);
        second.Members[2] = first.Members[1].Clone();
        second.Members[2].Relationship = Pa.Registry.V1.Relationship.Parent;
        var rows = await registry.CountRowsAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.AlreadyExists,
            registry.Households.CreateHouseholdApplicationAsync(second, registry.CountyOfficer(Seeded.Huoqiu)));

        Assert.Contains("members[2]", error.Status.Detail);
        Assert.Equal(rows, await registry.CountRowsAsync());
    }

    [Fact]
    public async Task The_same_person_is_recognised_across_counties_and_letter_case()
    {
        var head = Applications.Member("赵德明", Pa.Registry.V1.Relationship.Head, male: true, checkCharacterX: true);
        var first = Applications.Household(Seeded.Qilipeng);
        first.Members[0] = head;
        await registry.ApplyAsync(first);

        var second = Applications.Household(Seeded.Xincun);
        second.Members[0] = head.Clone();
        second.Members[0].NationalId = $" {head.NationalId.ToLowerInvariant()} ";
        var rows = await registry.CountRowsAsync();

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists,
            registry.Households.CreateHouseholdApplicationAsync(second, registry.CountyOfficer(Seeded.Weishan)));

        Assert.Equal(rows, await registry.CountRowsAsync());
    }
}
