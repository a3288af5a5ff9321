using Platform.HouseholdRegistry;
using Platform.HouseholdRegistry.Data;
using Platform.Persistence;
using Platform.Resources;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<RegistryDbContext, SqliteRegistryDbContext, SqlServerRegistryDbContext, PostgresRegistryDbContext>(ResourceNames.RegistryDatabase);
builder.AddRegistryFeatures();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapRegistryServices();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<RegistryDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
