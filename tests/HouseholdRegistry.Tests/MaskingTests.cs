using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>National IDs are shown in full only to callers with the personal-data scope.</summary>
public sealed class MaskingTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task Without_the_scope_every_response_masks_national_ids()
    {
        var request = Applications.Household(Seeded.Qilipeng);
        var created = await registry.ApplyAsync(request, personalData: false);
        var read = (await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = created.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu))).Household;
        var listed = (await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), registry.CountyOfficer(Seeded.Huoqiu))).Households
            .Single(h => h.HouseholdId == created.HouseholdId);

        var masked = request.Members.Select(m => m.NationalId[..6] + "********" + m.NationalId[14..]).Order().ToList();
        Assert.All(masked, id => Assert.Equal(18, id.Length));
        foreach (var household in new[] { created, read, listed })
        {
            Assert.Equal(masked, household.Members.Select(m => m.NationalId).Order().ToList());
        }
    }

    [Fact]
    public async Task With_the_scope_every_response_shows_the_normalised_national_id()
    {
        var request = Applications.Household(Seeded.Qilipeng);
        request.Members[0] = Applications.Member("赵德明", Relationship.Head, male: true, checkCharacterX: true);
        var full = request.Members.Select(m => m.NationalId).Order().ToList();
        request.Members[0].NationalId = $" {request.Members[0].NationalId.ToLowerInvariant()} ";

        var created = await registry.ApplyAsync(request, personalData: true);
        var read = (await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = created.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu, personalData: true))).Household;
        var listed = (await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), registry.CountyOfficer(Seeded.Huoqiu, personalData: true))).Households
            .Single(h => h.HouseholdId == created.HouseholdId);

        Assert.Contains(full, id => id.EndsWith('X'));
        foreach (var household in new[] { created, read, listed })
        {
            Assert.Equal(full, household.Members.Select(m => m.NationalId).Order().ToList());
        }
    }
}
