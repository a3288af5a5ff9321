using Platform.Employment;
using Platform.Employment.Data;
using Platform.Persistence;
using Platform.Resources;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<EmploymentDbContext, SqliteEmploymentDbContext, SqlServerEmploymentDbContext, PostgresEmploymentDbContext>(ResourceNames.EmploymentDatabase);
builder.AddEmploymentFeatures();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapEmploymentServices();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<EmploymentDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
