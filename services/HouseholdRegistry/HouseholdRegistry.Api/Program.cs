using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Regions;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Resources;
using Platform.Security;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<RegistryDbContext, SqliteRegistryDbContext, SqlServerRegistryDbContext>(ResourceNames.RegistryDatabase);
builder.AddPlatformMessaging<RegistryDbContext>();
builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section);
builder.Services.AddSingleton<PersonalDataProtector>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<RegistryPolicyOptions>().BindConfiguration(RegistryPolicyOptions.Section);
builder.Services.AddSingleton<RegistryPolicy>();
builder.Services.AddSingleton<RegistryMetrics>();
builder.Services.AddScoped<HouseholdImporter>();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapGrpcService<RegionGrpcService>();
app.MapGrpcService<HouseholdGrpcService>();
app.MapGrpcService<HouseholdImportGrpcService>();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<RegistryDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
