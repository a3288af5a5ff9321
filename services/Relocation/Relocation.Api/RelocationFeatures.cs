using Platform.Messaging;
using Platform.Operations;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Households;
using Platform.Relocation.Plans;
using Platform.Relocation.Policy;
using Platform.Relocation.Sites;
using Platform.Relocation.Statistics;
using Platform.ServiceDefaults;

namespace Platform.Relocation;

/// <summary>The relocation service's own services, event consumers and gRPC endpoints: the feature list in one place.</summary>
public static class RelocationFeatures
{
    public static IHostApplicationBuilder AddRelocationFeatures(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformMessaging<RelocationDbContext>(consumers =>
        {
            consumers.AddInboxConsumer<HouseholdRegisteredConsumer>();
            consumers.AddInboxConsumer<HouseholdMembersChangedConsumer>();
            consumers.AddInboxConsumer<HouseholdExitedConsumer>();
            consumers.AddInboxConsumer<HouseholdReenteredConsumer>();
            consumers.AddInboxConsumer<HouseholdIncomeRecordedConsumer>();
            consumers.AddInboxConsumer<GuaranteeStatusChangedConsumer>();
            consumers.AddInboxConsumer<EmploymentStartedConsumer>();
            consumers.AddInboxConsumer<EmploymentEndedConsumer>();
            consumers.AddInboxConsumer<JobWishRecordedConsumer>();
        }, queuePrefix: "relocation");

        var services = builder.Services;
        services.AddSingleton<TimeProvider>(PlatformClock.Instance);
        services.AddOptions<RelocationPolicyOptions>().BindConfiguration(RelocationPolicyOptions.Section);
        services.AddSingleton<RelocationPolicy>();
        services.AddSingleton<RelocationMetrics>();
        services.AddScoped<FollowUpReconciler>();
        services.AddOptions<FollowUpSweepOptions>().BindConfiguration(FollowUpSweepOptions.Section);
        services.AddSingleton<FollowUpSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpSweep>());
        return builder;
    }

    public static WebApplication MapRelocationServices(this WebApplication app)
    {
        app.MapGrpcService<FollowUpGrpcService>();
        app.MapGrpcService<StatisticsGrpcService>();
        app.MapGrpcService<SiteGrpcService>();
        app.MapGrpcService<RelocationGrpcService>();
        app.MapGrpcService<OutboxGrpcService>();
        app.MapGrpcService<ErrorQueueGrpcService>();
        return app;
    }
}
