using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>The household registry in memory, wired to the test broker, with a fast-retrying relay.</summary>
public sealed class RegistryHost(string brokerConnectionString) : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = TestDatabase.Create("registry");
    private readonly TestAuthority _authority = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestAuthority.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(_authority.UseIn);
        builder.UseSetting("PersonalData:EncryptionKey", DevSecrets.NewKey());
        builder.UseSetting("PersonalData:LookupKey", DevSecrets.NewKey());
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:registry-db", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:broker", brokerConnectionString);
        builder.UseSetting("Outbox:MinBackoff", "00:00:00.200");
        builder.UseSetting("Outbox:MaxBackoff", "00:00:01");
        builder.UseSetting("Outbox:PublishTimeout", "00:00:02");
    }

    public HouseholdService.HouseholdServiceClient Client() =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));

    public Metadata VillageOfficer() => new()
    {
        { "authorization", "Bearer " + _authority.Issue(PlatformRoles.VillageOfficer, Village, "test-officer") },
    };

    public const string Village = "341522100201";

    /// <summary>A valid one-person application; <paramref name="n"/> makes the ID number unique.</summary>
    public static CreateHouseholdApplicationRequest Application(int n)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(n);
        var first17 = $"341522{birth:yyyyMMdd}{(n % 500 * 2) + 1:D3}";
        var request = new CreateHouseholdApplicationRequest { RegionCode = Village, PrimaryCause = PovertyCause.Illness };
        request.Members.Add(new MemberInput
        {
            Name = $"成员{n}",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = Relationship.Head,
            Sex = Sex.Male,
            BirthDate = new Date { Year = birth.Year, Month = birth.Month, Day = birth.Day },
            Health = HealthStatus.Healthy,
            LabourCapacity = LabourCapacity.Normal,
        });
        return request;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

}
