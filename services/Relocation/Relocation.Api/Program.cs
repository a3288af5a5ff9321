using Platform.Persistence;
using Platform.Relocation;
using Platform.Relocation.Data;
using Platform.Resources;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<RelocationDbContext, SqliteRelocationDbContext, SqlServerRelocationDbContext, PostgresRelocationDbContext>(ResourceNames.RelocationDatabase);
builder.AddRelocationFeatures();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapRelocationServices();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<RelocationDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
