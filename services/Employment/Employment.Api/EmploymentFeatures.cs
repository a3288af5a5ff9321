using Platform.Employment.Assets;
using Platform.Employment.Data;
using Platform.Employment.Labour;
using Platform.Employment.Labourers;
using Platform.Employment.Policy;
using Platform.Employment.Projects;
using Platform.Employment.Welfare;
using Platform.Messaging;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Employment;

/// <summary>The employment service's own services, event consumers and gRPC endpoints: the feature list in one place.</summary>
public static class EmploymentFeatures
{
    public static IHostApplicationBuilder AddEmploymentFeatures(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformMessaging<EmploymentDbContext>(consumers =>
        {
            consumers.AddInboxConsumer<HouseholdRegisteredConsumer>();
            consumers.AddInboxConsumer<HouseholdMembersChangedConsumer>();
            consumers.AddInboxConsumer<HouseholdExitedConsumer>();
            consumers.AddInboxConsumer<HouseholdReenteredConsumer>();
            consumers.AddInboxConsumer<ZeroEmploymentCaseOpenedConsumer>();
            consumers.AddInboxConsumer<ZeroEmploymentCaseClosedConsumer>();
        }, queuePrefix: "employment");

        var services = builder.Services;
        services.AddPersonalDataProtection();
        services.AddSingleton<TimeProvider>(PlatformClock.Instance);
        services.AddOptions<EmploymentPolicyOptions>().BindConfiguration(EmploymentPolicyOptions.Section);
        services.AddSingleton<EmploymentPolicy>();
        services.AddSingleton<EmploymentMetrics>();
        services.AddOptions<AssetIncomeOptions>().BindConfiguration(AssetIncomeOptions.Section);
        services.AddScoped<DividendRunner>();
        return builder;
    }

    public static WebApplication MapEmploymentServices(this WebApplication app)
    {
        app.MapGrpcService<LabourGrpcService>();
        app.MapGrpcService<ProjectLibraryGrpcService>();
        app.MapGrpcService<AssetIncomeGrpcService>();
        app.MapGrpcService<WelfareEmploymentGrpcService>();
        app.MapGrpcService<OutboxGrpcService>();
        app.MapGrpcService<ErrorQueueGrpcService>();
        return app;
    }
}
