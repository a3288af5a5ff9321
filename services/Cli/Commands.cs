using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.Cli;

public static class Commands
{
    private const string Usage = """
        pa token  --user county-officer [--personal-data] [--scope "..."] [--password P] [--authority http://localhost:5100] [--data-dir .data]
        pa token  --client water-department [--secret S] [--scope "department:water"] [--authority ...]
        pa token  --role county-officer --region 341522000000 [--personal-data]   (the development officer of that role)
        pa health [--address http://localhost:5101]
        pa apply  --token TOKEN [--village 341522100201] [--address http://localhost:5101]
        pa get    --token TOKEN --id HOUSEHOLD_ID [--address ...]
        pa list   --token TOKEN [--region CODE] [--address ...]
        pa seed-demo --token OPERATOR_TOKEN [--households 40000] [--address ...]
                  seeds the synthetic demo county 示范县 (341599000000), printing progress
        Roles: village-officer, township-officer, county-officer, city-officer, provincial-officer,
               department-client, auditor, operator. An officer's region is a code of its own level
               (village 341522100201, township 341522100000, county 341522000000, city 341500000000,
               province 340000000000). Tokens come from the identity service; the development officers'
               password and clients' secret is in <data-dir>/dev-secrets.json.
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
                    Console.WriteLine(await TokenAsync(options));
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
        catch (Exception ex) when (ex is TokenRequestException or HttpRequestException)
        {
            Console.Error.WriteLine(ex.Message);
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
    /// A token from the identity service's token endpoint (the standard OAuth 2.0 request): an
    /// officer's (--user, password grant) or a department client's (--client, client credentials).
    /// --role R --region C asks for the development officer named after the role and checks that it
    /// is of that region. The password or secret defaults to the development one in
    /// &lt;data-dir&gt;/dev-secrets.json, written by the AppHost. A role and region the services would
    /// refuse is refused here, before anything is asked.
    /// </summary>
    public static async Task<string> TokenAsync(Options options, HttpClient? http = null)
    {
        var role = options.Get("role", "");
        var region = options.Get("region", "");
        if (role.Length > 0 && PlatformRoles.WhyNotAllowed(role, region) is { } why)
        {
            throw new ArgumentException($"pa token --role {role} --region {region}: {why}");
        }

        var authority = options.Get("authority", DefaultAuthority);
        var scopes = options.Get("scope", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(options.Has("personal-data") ? [PlatformClaims.PersonalDataScope] : []).ToList();
        var owned = http is null;
        http ??= new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            if (options.Get("client", "") is { Length: > 0 } client)
            {
                return await TokenRequest.ForClientAsync(http, authority, client, options.Get("secret", "") is { Length: > 0 } secret ? secret : DevelopmentPassword(options), scopes);
            }

            var user = options.Get("user", role);
            if (user.Length == 0)
            {
                throw new ArgumentException("pa token needs --user NAME, --client ID, or --role ROLE --region CODE.");
            }

            var token = await TokenRequest.ForOfficerAsync(http, authority, user, options.Get("password", "") is { Length: > 0 } password ? password : DevelopmentPassword(options), scopes);
            var granted = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetClaim(PlatformClaims.Region).Value;
            if (region.Length > 0 && granted != region)
            {
                throw new ArgumentException(
                    $"pa token --role {role} --region {region}: the development officer '{user}' is of region {granted}. " +
                    "Ask for a token with --user and an officer of that region (IdentityService/RegisterOfficer registers one).");
            }

            return token;
        }
        finally
        {
            if (owned)
            {
                http.Dispose();
            }
        }
    }

    /// <summary>The identity service's OpenID Connect address in a local run (its "oidc" endpoint).</summary>
    public const string DefaultAuthority = "http://localhost:5100";

    private static string DevelopmentPassword(Options options)
    {
        var dataDirectory = options.Get("data-dir", ".data");
        if (!File.Exists(Path.Combine(dataDirectory, DevSecrets.FileName)))
        {
            throw new ArgumentException(
                $"No {DevSecrets.FileName} in {Path.GetFullPath(dataDirectory)}: start the suite first (dotnet run --project AppHost), or pass --password / --secret.");
        }

        return DevSecrets.LoadOrCreate(dataDirectory).DevelopmentPassword;
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
