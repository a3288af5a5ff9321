using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>An application raises HouseholdApplied through the outbox, without personal data.</summary>
public sealed class OutboxTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task Filing_writes_one_household_applied_event_without_names_or_national_ids()
    {
        var request = Applications.Household(Seeded.Qilipeng);
        var household = await registry.ApplyAsync(request);

        var rows = await registry.QueryAsync(db => db.OutboxMessages.Where(m => m.AggregateKey == household.HouseholdId).ToListAsync());
        var row = Assert.Single(rows);
        Assert.StartsWith(typeof(HouseholdApplied).FullName + ",", row.MessageType);
        Assert.Equal("Platform.HouseholdRegistry.Contracts.HouseholdApplied", typeof(HouseholdApplied).FullName);

        var texts = AllStrings(JsonDocument.Parse(row.Body).RootElement).ToList();
        foreach (var member in request.Members)
        {
            Assert.DoesNotContain(member.NationalId, row.Body);
            Assert.DoesNotContain(texts, t => t.Contains(member.NationalId, StringComparison.OrdinalIgnoreCase) || t.Contains(member.Name, StringComparison.Ordinal));
        }

        var applied = JsonSerializer.Deserialize<HouseholdApplied>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(applied);
        Assert.Equal(Guid.Parse(household.HouseholdId), applied.HouseholdId);
        Assert.Equal(Seeded.Qilipeng, applied.RegionCode);
        Assert.Equal(household.Members.Select(m => Guid.Parse(m.MemberId)).Order(), applied.Members.Select(m => m.MemberId).Order());

        // The keyed lookup lets the assistance service match department records without the number.
        var protector = registry.Services.GetRequiredService<Platform.Security.PersonalDataProtector>();
        var expected = request.Members.Select(m => protector.LookupHash(m.NationalId.ToUpperInvariant())).Order();
        Assert.Equal(expected, applied.Members.Select(m => m.NationalIdLookup!).Order());
    }

    /// <summary>Every property name and string value, unescaped, so a name cannot hide behind \u escapes.</summary>
    private static IEnumerable<string> AllStrings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllStrings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllStrings),
        JsonValueKind.String => [element.GetString()!],
        _ => [element.GetRawText()],
    };
}
