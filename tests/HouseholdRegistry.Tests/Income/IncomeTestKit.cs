using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Monitoring;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Income;

/// <summary>Clients of the income and monitoring services, and households put into the states their tests need.</summary>
internal static class IncomeTestKit
{
    public static IncomeService.IncomeServiceClient IncomeClient(this RegistryFactory registry) => new(Channel(registry));

    public static MonitoringService.MonitoringServiceClient MonitoringClient(this RegistryFactory registry) => new(Channel(registry));

    public static CallOptions VillageOfficer(this RegistryFactory registry, string village = Seeded.Qilipeng) =>
        registry.As(PlatformRoles.VillageOfficer, village, $"officer-{village}");

    public static RecordIncomeSurveyRequest Survey(string householdId, int year, long wages, long productionNet = 0, long property = 0, long transfer = 0, long medical = 0, long education = 0) => new()
    {
        HouseholdId = householdId,
        Year = year,
        Wages = new Money { Fen = wages },
        ProductionNet = new Money { Fen = productionNet },
        Property = new Money { Fen = property },
        Transfer = new Money { Fen = transfer },
        MedicalExpenditure = new Money { Fen = medical },
        EducationExpenditure = new Money { Fen = education },
    };

    /// <summary>
    /// Puts a filed household into <paramref name="status"/> directly in the database, with the dates that
    /// status carries. The identification and exit workflow is built on another branch; at merge these
    /// tests switch to it.
    /// </summary>
    public static Task SetStatusAsync(this RegistryFactory registry, string householdId, HouseholdStatus status, int? plannedExitYear = null, AssistancePathway? pathway = null) =>
        registry.QueryAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == Guid.Parse(householdId));
            var now = registry.Clock.GetUtcNow().UtcDateTime;
            household.Status = status;
            household.RegisteredAt ??= status is HouseholdStatus.Registered or HouseholdStatus.Exited ? now : null;
            if (status == HouseholdStatus.Exited)
            {
                household.ExitedAt = now;
                household.SupportUntil = DateOnly.FromDateTime(now).AddYears(5);
            }

            household.PlannedExitYear = plannedExitYear ?? household.PlannedExitYear;
            household.Pathway = pathway ?? household.Pathway;
            return await db.SaveChangesAsync();
        });

    /// <summary>Stores a guarantee status as the assistance service's event would (its consumer is tested on its own).</summary>
    public static Task SetGuaranteesAsync(this RegistryFactory registry, string householdId, GuaranteeState state = GuaranteeState.Met) =>
        registry.QueryAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == Guid.Parse(householdId));
            household.Guarantees = new GuaranteeSnapshot
            {
                FoodAndClothing = GuaranteeState.Met,
                Education = GuaranteeState.Met,
                Medical = GuaranteeState.Met,
                Housing = state,
                Water = GuaranteeState.Met,
                ChangedAt = registry.Clock.GetUtcNow().UtcDateTime,
                ReceivedAt = registry.Clock.GetUtcNow().UtcDateTime,
            };
            return await db.SaveChangesAsync();
        });

    /// <summary>A household of three applied in <paramref name="village"/>, then put into <paramref name="status"/>.</summary>
    public static async Task<Household> HouseholdAsync(this RegistryFactory registry, HouseholdStatus status, string village = Seeded.Qilipeng)
    {
        var household = await registry.ApplyAsync(Applications.Household(village));
        if (status != HouseholdStatus.Applied)
        {
            await registry.SetStatusAsync(household.HouseholdId, status);
        }

        return household;
    }

    /// <summary>Event bodies of one type written to the outbox for a household, oldest first.</summary>
    public static Task<List<string>> OutboxBodiesAsync<TEvent>(this RegistryFactory registry, string householdId) =>
        registry.QueryAsync(db => db.OutboxMessages
            .Where(m => m.AggregateKey == householdId && m.MessageType.StartsWith(typeof(TEvent).FullName + ","))
            .OrderBy(m => m.Id).Select(m => m.Body).ToListAsync());

    public static T Parse<T>(string body) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

    private static GrpcChannel Channel(RegistryFactory registry) =>
        GrpcChannel.ForAddress(registry.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = registry.Server.CreateHandler() });
}
