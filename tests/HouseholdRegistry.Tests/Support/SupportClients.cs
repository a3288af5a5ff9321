using System.Runtime.CompilerServices;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Support;

/// <summary>Clients of the support, statistics and audit services on a registry factory, and the shortcuts their tests share.</summary>
internal static class SupportClients
{
    private static readonly ConditionalWeakTable<RegistryFactory, GrpcChannel> Channels = [];

    private static GrpcChannel Channel(RegistryFactory factory) => Channels.GetValue(factory, f =>
        GrpcChannel.ForAddress(f.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = f.Server.CreateHandler() }));

    public static SupportService.SupportServiceClient Support(this RegistryFactory factory) => new(Channel(factory));

    public static StatisticsService.StatisticsServiceClient Statistics(this RegistryFactory factory) => new(Channel(factory));

    public static AuditService.AuditServiceClient Audit(this RegistryFactory factory) => new(Channel(factory));

    public static async Task<Pa.Registry.V1.Helper> RegisterHelperAsync(this RegistryFactory factory, string region, string name = "李泽坤", string workUnit = "环保局", string phone = "13812345678") =>
        (await factory.Support().RegisterHelperAsync(
            new RegisterHelperRequest { Name = name, WorkUnit = workUnit, Phone = phone, RegionCode = region },
            factory.CountyOfficer(Seeded.CountyOf(region)))).Helper;

    /// <summary>Sets what the identification workflow (another feature) sets, straight in the database.</summary>
    public static Task SetStatusAsync(this RegistryFactory factory, string householdId, HouseholdStatus status, DateTime? exitedAt = null, int? plannedExitYear = null, MonitoringCategory? category = null) =>
        factory.QueryAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == Guid.Parse(householdId));
            household.Status = status;
            household.ExitedAt = exitedAt ?? household.ExitedAt;
            household.PlannedExitYear = plannedExitYear ?? household.PlannedExitYear;
            household.MonitoringCategory = category ?? household.MonitoringCategory;
            return await db.SaveChangesAsync();
        });

    public static async Task<Household> RegisteredAsync(this RegistryFactory factory, string village, PovertyCause cause = PovertyCause.Illness)
    {
        var household = await factory.ApplyAsync(Applications.Household(village, cause));
        await factory.SetStatusAsync(household.HouseholdId, HouseholdStatus.Registered);
        return household;
    }

    public static Grpc.Core.CallOptions VillageOfficer(this RegistryFactory factory, string village) => factory.As(PlatformRoles.VillageOfficer, village, $"officer-{village}");
}
