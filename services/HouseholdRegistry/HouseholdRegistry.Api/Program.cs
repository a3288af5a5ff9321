using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Demo;
using Platform.HouseholdRegistry;
using Platform.HouseholdRegistry.Consumers;
using Platform.HouseholdRegistry.Audit;
using Platform.HouseholdRegistry.Helpers;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Regions;
using Platform.HouseholdRegistry.Screening;
using Platform.HouseholdRegistry.Statistics;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Resources;
using Platform.Security;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<RegistryDbContext, SqliteRegistryDbContext, SqlServerRegistryDbContext>(ResourceNames.RegistryDatabase);
builder.AddPlatformMessaging<RegistryDbContext>(c =>
{
    c.AddConsumer<WagesPaidConsumer>();
    c.AddConsumer<DividendPaidConsumer>();
    c.AddConsumer<MedicalExpenditureRecordedConsumer>();
    c.AddConsumer<HouseholdLostOnlyJobConsumer>();
    c.AddConsumer<GuaranteeStatusChangedConsumer>();
});
builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section);
builder.Services.AddSingleton<PersonalDataProtector>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<RegistryPolicyOptions>().BindConfiguration(RegistryPolicyOptions.Section);
builder.Services.AddSingleton<RegistryPolicy>();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddSingleton<RegistryMetrics>();
builder.Services.AddScoped<IncomeLedger>();
builder.Services.AddScoped<HouseholdImporter>();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapGrpcService<RegionGrpcService>();
app.MapGrpcService<HouseholdGrpcService>();
app.MapGrpcService<IdentificationGrpcService>();
app.MapGrpcService<DemoGrpcService>();
app.MapGrpcService<ScreeningGrpcService>();
app.MapGrpcService<IncomeGrpcService>();
app.MapGrpcService<MonitoringGrpcService>();
app.MapGrpcService<SupportGrpcService>();
app.MapGrpcService<StatisticsGrpcService>();
app.MapGrpcService<AuditGrpcService>();
app.MapGrpcService<HouseholdImportGrpcService>();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<RegistryDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
