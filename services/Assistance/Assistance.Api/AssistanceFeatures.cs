using Platform.Assistance.Changes;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;
using Platform.Assistance.Education;
using Platform.Assistance.Exchange;
using Platform.Assistance.FoodAndClothing;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Health;
using Platform.Assistance.Households;
using Platform.Assistance.Housing;
using Platform.Assistance.Policy;
using Platform.Assistance.Water;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance;

/// <summary>The assistance service's own services, event consumers and gRPC endpoints: the feature list in one place.</summary>
public static class AssistanceFeatures
{
    public static IHostApplicationBuilder AddAssistanceFeatures(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformMessaging<AssistanceDbContext>(consumers =>
        {
            consumers.AddInboxConsumer<HouseholdRegisteredConsumer>();
            consumers.AddInboxConsumer<HouseholdMembersChangedConsumer>();
            consumers.AddInboxConsumer<HouseholdExitedConsumer>();
            consumers.AddInboxConsumer<HouseholdReenteredConsumer>();
            consumers.AddInboxConsumer<MonitoringCategoryChangedConsumer>();
            consumers.AddInboxConsumer<HouseholdIncomeRecordedConsumer>();
        }, queuePrefix: "assistance");
        builder.AddChangeFeed<AssistanceDbContext>();

        var services = builder.Services;
        services.AddPersonalDataProtection();
        services.AddSingleton<TimeProvider>(PlatformClock.Instance);
        services.AddOptions<AssistancePolicyOptions>().BindConfiguration(AssistancePolicyOptions.Section);
        services.AddSingleton<AssistancePolicy>();
        services.AddSingleton<AssistanceMetrics>();
        services.AddSingleton<DepartmentMembers>();
        services.AddScoped<GuaranteeAssessor>();
        services.AddScoped<DepartmentImporter>();
        services.AddScoped<CoverageReader>();
        services.AddScoped<WaterAssessmentRows>();

        // One rule per guarantee; one coverage part per area.
        services.AddSingleton<IGuaranteeRule, FoodAndClothingRule>();
        services.AddSingleton<ICoverageContributor, HouseholdCoverage>();
        services.AddSingleton<IGuaranteeRule, HousingRule>();
        services.AddSingleton<ICoverageContributor, HousingCoverage>();
        services.AddSingleton<HouseAppraisalRows>();
        services.AddSingleton<IAssessmentStep, DropoutCaseStep>();
        services.AddSingleton<IGuaranteeRule, EducationRule>();
        services.AddSingleton<ICoverageContributor, EducationCoverage>();
        services.AddSingleton<EnrolmentRows>();
        services.AddSingleton<IGuaranteeRule, MedicalRule>();
        services.AddSingleton<IAssessmentStep, MedicalYearStep>();
        services.AddSingleton<ICoverageContributor, HealthCoverage>();
        services.AddSingleton<IGuaranteeRule, WaterRule>();
        services.AddSingleton<ICoverageContributor, WaterCoverage>();
        return builder;
    }

    public static WebApplication MapAssistanceServices(this WebApplication app)
    {
        app.MapGrpcService<GuaranteeGrpcService>();
        app.MapGrpcService<GuaranteeChangeGrpcService>();
        app.MapGrpcService<HousingGrpcService>();
        app.MapGrpcService<EducationGrpcService>();
        app.MapGrpcService<HealthGrpcService>();
        app.MapGrpcService<WaterGrpcService>();
        app.MapGrpcService<OutboxGrpcService>();
        app.MapGrpcService<ErrorQueueGrpcService>();
        return app;
    }
}
