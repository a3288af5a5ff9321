using Platform.Identity;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Persistence;
using Platform.Resources;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformGrpc();
builder.AddPlatformDatabase<IdentityDbContext, SqliteIdentityDbContext, SqlServerIdentityDbContext, PostgresIdentityDbContext>(ResourceNames.IdentityDatabase);
builder.AddIdentityFeatures();

var app = builder.Build();

app.UsePlatformSecurity();
app.MapIdentityServices();
app.MapDefaultEndpoints();

await app.MigrateDatabaseAsync<IdentityDbContext>();
// Keys and seeded accounts before the first request: OpenIddict signs with the ring's key.
await app.Services.GetRequiredService<SigningKeyRing>().LoadAsync(CancellationToken.None);
await app.SeedAccountsAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory tests.</summary>
public partial class Program;
