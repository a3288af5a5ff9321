using Platform.HouseholdRegistry.Audit;
using Platform.HouseholdRegistry.Changes;
using Platform.HouseholdRegistry.Consumers;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Demo;
using Platform.HouseholdRegistry.Helpers;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.KeyRotation;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Regions;
using Platform.HouseholdRegistry.Screening;
using Platform.HouseholdRegistry.Statistics;
using Platform.HouseholdRegistry.Warmup;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry;

/// <summary>The registry's own services, event consumers and gRPC endpoints: the feature list in one place.</summary>
public static class RegistryFeatures
{
    public static IHostApplicationBuilder AddRegistryFeatures(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformMessaging<RegistryDbContext>(consumers =>
        {
            consumers.AddInboxConsumer<WagesPaidConsumer>();
            consumers.AddInboxConsumer<DividendPaidConsumer>();
            consumers.AddInboxConsumer<MedicalExpenditureRecordedConsumer>();
            consumers.AddInboxConsumer<HouseholdLostOnlyJobConsumer>();
            consumers.AddInboxConsumer<LargeMedicalExpenditureIncurredConsumer>();
            consumers.AddInboxConsumer<GuaranteeStatusChangedConsumer>();
        });

        builder.AddChangeFeed<RegistryDbContext>();

        var services = builder.Services;
        services.AddPersonalDataProtection();
        services.AddOptions<ReEncryptionOptions>().BindConfiguration(ReEncryptionOptions.Section)
            .Validate(o => o.BatchSize >= 1 && o.Interval > TimeSpan.Zero, "Registry:ReEncryption:BatchSize must be at least 1 and Registry:ReEncryption:Interval positive.")
            .ValidateOnStart();
        services.AddHostedService<PersonalDataReEncryption>();
        services.AddSingleton<TimeProvider>(PlatformClock.Instance);
        services.AddOptions<RegistryPolicyOptions>().BindConfiguration(RegistryPolicyOptions.Section);
        services.AddSingleton<RegistryPolicy>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<RegistryMetrics>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IncomeLedger>();
        services.AddScoped<HouseholdImporter>();
        if (builder.Configuration.GetValue("Registry:Warmup", true))
        {
            // Before Kestrel starts: the first officer's call is then as fast as the next one.
            services.AddHostedService<RegistryWarmup>();
        }

        return builder;
    }

    public static WebApplication MapRegistryServices(this WebApplication app)
    {
        app.MapGrpcService<RegionGrpcService>();
        app.MapGrpcService<HouseholdGrpcService>();
        app.MapGrpcService<HouseholdImportGrpcService>();
        app.MapGrpcService<IdentificationGrpcService>();
        app.MapGrpcService<ScreeningGrpcService>();
        app.MapGrpcService<IncomeGrpcService>();
        app.MapGrpcService<MonitoringGrpcService>();
        app.MapGrpcService<SupportGrpcService>();
        app.MapGrpcService<StatisticsGrpcService>();
        app.MapGrpcService<HouseholdChangeGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<DemoGrpcService>();
        app.MapGrpcService<OutboxGrpcService>();
        app.MapGrpcService<ErrorQueueGrpcService>();
        return app;
    }
}
