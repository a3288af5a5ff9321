using Grpc.Core;
using Pa.Registry.V1;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>A village files an application; it reads back field for field through Get and List.</summary>
public sealed class HouseholdApplicationTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task An_application_is_filed_as_applied_and_reads_back_unchanged()
    {
        var request = Applications.Household(Seeded.Qilipeng, PovertyCause.Disability);
        var created = await registry.ApplyAsync(request, personalData: true);

        Assert.True(Guid.TryParse(created.HouseholdId, out _));
        Assert.Equal(HouseholdStatus.Applied, created.Status);
        Assert.Equal(request.RegionCode, created.RegionCode);
        Assert.Equal(request.Address, created.Address);
        Assert.Equal(PovertyCause.Disability, created.PrimaryCause);
        Assert.Equal(request.OtherCauses, created.OtherCauses);
        Assert.Equal(request.DeclaredIncomePerCapita.Fen, created.DeclaredIncomePerCapita.Fen);
        Assert.Equal(AssistancePathway.ProductionAndEmployment, created.Pathway);
        Assert.Equal(request.Facts, created.Facts);
        Assert.Equal(MonitoringCategory.None, created.MonitoringCategory);
        Assert.Null(created.RegisteredAt);
        Assert.Equal(registry.Clock.GetUtcNow().UtcDateTime, created.AppliedAt.ToDateTime());
        AssertSameMembers(request, created);

        var headers = registry.CountyOfficer(Seeded.Huoqiu, personalData: true);
        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = created.HouseholdId }, headers);
        Assert.Equal(Canonical(created), Canonical(read.Household));

        var list = await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = Seeded.Qilipeng }, headers);
        var listed = Assert.Single(list.Households, h => h.HouseholdId == created.HouseholdId);
        Assert.Equal(Canonical(created), Canonical(listed));
    }

    [Fact]
    public async Task An_unknown_household_id_is_not_found_and_a_malformed_one_is_invalid()
    {
        var headers = registry.CountyOfficer(Seeded.Huoqiu);

        await RpcAssert.FailsAsync(StatusCode.NotFound,
            registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = Guid.NewGuid().ToString() }, headers));

        var malformed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = "not-a-uuid" }, headers));
        Assert.Equal("household_id", RpcAssert.InvalidField(malformed));
    }

    /// <summary>Each submitted member comes back with a member id and every field as submitted.</summary>
    internal static void AssertSameMembers(CreateHouseholdApplicationRequest request, Household household)
    {
        Assert.Equal(request.Members.Count, household.Members.Count);
        Assert.All(household.Members, m => Assert.True(Guid.TryParse(m.MemberId, out _)));
        Assert.Equal(household.Members.Count, household.Members.Select(m => m.MemberId).Distinct().Count());
        foreach (var input in request.Members)
        {
            var member = Assert.Single(household.Members, m => m.NationalId == input.NationalId);
            Assert.Equal(input.Name, member.Name);
            Assert.Equal(input.Relationship, member.Relationship);
            Assert.Equal(input.Sex, member.Sex);
            Assert.Equal(input.BirthDate.ToDateOnly(), member.BirthDate.ToDateOnly());
            Assert.Equal(input.Health, member.Health);
            Assert.Equal(input.DisabilityGrade, member.DisabilityGrade);
            Assert.Equal(input.LabourCapacity, member.LabourCapacity);
            Assert.Equal(input.Schooling, member.Schooling);
        }
    }

    /// <summary>The contract does not promise an order of members, so compare them sorted by id.</summary>
    private static Household Canonical(Household household)
    {
        var copy = household.Clone();
        var members = copy.Members.OrderBy(m => m.MemberId, StringComparer.Ordinal).ToList();
        copy.Members.Clear();
        copy.Members.AddRange(members);
        return copy;
    }
}
