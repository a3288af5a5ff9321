using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.Cli;

public static class Commands
{
    private const string Usage = """
        pa token  --role county-officer --region 341522000000 [--subject NAME] [--personal-data] [--scope "department:education ..."] [--data-dir .data]
        pa health [--address http://localhost:5101]
        pa apply  --token TOKEN [--village 341522100201] [--address http://localhost:5101]
        pa get    --token TOKEN --id HOUSEHOLD_ID [--address ...]
        pa list   --token TOKEN [--region CODE] [--address ...]
        pa seed-demo --token OPERATOR_TOKEN [--households 40000] [--address ...]
                  seeds the synthetic demo county 示范县 (341599000000), printing progress
        Roles: village-officer, township-officer, county-officer, city-officer, provincial-officer,
               department-client, auditor, operator. An officer's region is a code of its own level
               (village 341522100201, township 341522100000, county 341522000000, city 341500000000,
               province 340000000000). Tokens use the development key in <data-dir>/dev-secrets.json.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = new Options(args[1..]);
        try
        {
            switch (args[0])
            {
                case "token":
                    Console.WriteLine(Token(options));
                    return 0;
                case "health":
                    return await HealthAsync(options);
                case "apply":
                    Print(await Households(options).CreateHouseholdApplicationAsync(SyntheticHousehold.For(options.Get("village", "341522100201")), Headers(options), Deadline()));
                    return 0;
                case "get":
                    Print(await Households(options).GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = options.Require("id") }, Headers(options), Deadline()));
                    return 0;
                case "seed-demo":
                    return await SeedDemoAsync(options);
                case "list":
                    Print(await Households(options).ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = options.Get("region", "") }, Headers(options), Deadline()));
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"{ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    /// <summary>
    /// A development token. A role and region the services would refuse (a village officer with a
    /// county code, say) is refused here, before any key is read or created.
    /// </summary>
    public static string Token(Options options)
    {
        var role = options.Require("role");
        var region = options.Require("region");
        if (PlatformRoles.WhyNotAllowed(role, region) is { } why)
        {
            throw new ArgumentException($"pa token --role {role} --region {region}: {why}");
        }

        var secrets = DevSecrets.LoadOrCreate(options.Get("data-dir", ".data"), message => Console.Error.WriteLine($"[pa] {message}"));
        var issuer = new DevTokenIssuer(new JwtOptions { SigningKey = secrets.SigningKey });
        return issuer.Issue(role, region, options.Get("subject", $"dev-{role}"), personalData: options.Has("personal-data"),
            scopes: options.Get("scope", "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<int> HealthAsync(Options options)
    {
        using var channel = GrpcChannel.ForAddress(options.Get("address", "http://localhost:5101"));
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline());
        Console.WriteLine(HealthText(reply.Status));
        return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
    }

    /// <summary>The status as the gRPC health protocol names it (SERVING, NOT_SERVING), as the README shows.</summary>
    public static string HealthText(HealthCheckResponse.Types.ServingStatus status) =>
        HealthCheckResponse.Descriptor.FindFieldByNumber(HealthCheckResponse.StatusFieldNumber).EnumType.FindValueByNumber((int)status)?.Name
        ?? status.ToString();

    private static async Task<int> SeedDemoAsync(Options options)
    {
        using var channel = GrpcChannel.ForAddress(options.Get("address", "http://localhost:5101"));
        var request = new SeedDemoCountyRequest { Households = int.Parse(options.Get("households", "0"), System.Globalization.CultureInfo.InvariantCulture) };
        using var call = new DemoService.DemoServiceClient(channel).SeedDemoCounty(request, Headers(options), DateTime.UtcNow.AddMinutes(20));
        await foreach (var progress in call.ResponseStream.ReadAllAsync())
        {
            Console.WriteLine($"{progress.Phase} {progress.Done}/{progress.Total}");
        }

        return 0;
    }

    private static HouseholdService.HouseholdServiceClient Households(Options options) =>
        new(GrpcChannel.ForAddress(options.Get("address", "http://localhost:5101")));

    private static Metadata Headers(Options options) => new()
    {
        { "authorization", $"Bearer {options.Require("token")}" },
        { "x-access-purpose", options.Get("purpose", "cli") },
    };

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    private static void Print(Google.Protobuf.IMessage message) =>
        Console.WriteLine(Google.Protobuf.JsonFormatter.Default.Format(message));
}
