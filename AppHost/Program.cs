using Platform.AppHost;
using Platform.Resources;
using Platform.Security;

var builder = DistributedApplication.CreateBuilder(args);

// Publishing describes a deployment: nothing of this machine (data folder, keys, broker) goes into it.
var settings = builder.IsPublishing() ? PublishMode.Settings(builder) : LocalSettings(builder);

var identity = builder.AddPlatformIdentity(settings);
settings = settings with { Authority = identity.GetEndpoint(IdentityResource.OidcEndpoint) };

var registry = builder.AddProject<Projects.HouseholdRegistry_Api>(ResourceNames.HouseholdRegistry)
    .WithPlatformDefaults(settings)
    .WithAuthority(identity)
    .WithDatabase(ResourceNames.RegistryDatabase, settings)
    .WithNoticePeriod()
    .WithSeedDemoCommand(settings);

var assistance = builder.AddProject<Projects.Assistance_Api>(ResourceNames.Assistance)
    .WithPlatformDefaults(settings)
    .WithAuthority(identity)
    .WithDatabase(ResourceNames.AssistanceDatabase, settings);

var employment = builder.AddProject<Projects.Employment_Api>(ResourceNames.Employment)
    .WithPlatformDefaults(settings)
    .WithAuthority(identity)
    .WithDatabase(ResourceNames.EmploymentDatabase, settings);

var relocation = builder.AddProject<Projects.Relocation_Api>(ResourceNames.Relocation)
    .WithPlatformDefaults(settings)
    .WithAuthority(identity)
    .WithDatabase(ResourceNames.RelocationDatabase, settings)
    .WithReassessFollowUpCommand(settings);

builder.AddPlatformPortal(settings, identity, registry, assistance, employment, relocation);

builder.Build().Run();

static PlatformSettings LocalSettings(IDistributedApplicationBuilder builder)
{
    var dataDirectory = Path.GetFullPath(builder.Configuration["DataDir"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
    Console.WriteLine($"[apphost] Data folder: {dataDirectory}");
    return new PlatformSettings(
        dataDirectory,
        DevSecrets.LoadOrCreate(dataDirectory, message => Console.WriteLine($"[apphost] {message}")),
        builder.AddPlatformBroker(dataDirectory),
        new Lazy<IResourceBuilder<LocalPostgresResource>>(() => builder.AddLocalPostgres(dataDirectory)),
        PlatformServices.ReplicasFrom(builder.Configuration));
}
