using Platform.Assistance;
using Platform.Assistance.Data;
using Platform.Persistence;
using Platform.Resources;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<AssistanceDbContext, SqliteAssistanceDbContext, SqlServerAssistanceDbContext, PostgresAssistanceDbContext>(ResourceNames.AssistanceDatabase);
builder.AddAssistanceFeatures();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapAssistanceServices();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<AssistanceDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
