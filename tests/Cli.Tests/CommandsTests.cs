using Grpc.Health.V1;
using Platform.Security;

namespace Platform.Cli.Tests;

public sealed class CommandsTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"pa-cli-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(PlatformRoles.VillageOfficer, "341522000000", "A village-officer needs a region code of village level; the token's region is of county level.")]
    [InlineData(PlatformRoles.CountyOfficer, "341522100201", "A county-officer needs a region code of county level; the token's region is of village level.")]
    [InlineData(PlatformRoles.ProvincialOfficer, "341500000000", "A provincial-officer needs a region code of province level")]
    [InlineData("janitor", "341522000000", "not a platform role")]
    [InlineData(PlatformRoles.CountyOfficer, "3415220", "not a 12-digit region code")]
    public async Task Token_refuses_a_role_and_region_the_services_would_refuse(string role, string region, string reason)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Commands.TokenAsync(Args("--role", role, "--region", region)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains($"--role {role} --region {region}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dataDirectory), "A refused token must not create anything.");
    }

    [Fact]
    public async Task Token_with_a_mismatched_role_and_region_exits_non_zero()
    {
        var exitCode = await Commands.RunAsync(["token", "--role", PlatformRoles.VillageOfficer, "--region", "341522000000", "--data-dir", _dataDirectory]);

        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public async Task Token_without_the_development_password_says_where_it_looked()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Commands.TokenAsync(Args("--user", "county-officer")));

        Assert.Contains($"No dev-secrets.json in {_dataDirectory}", error.Message, StringComparison.Ordinal);
    }
    /// <summary>The README shows `pa health` printing SERVING, the health protocol's own name.</summary>
    [Theory]
    [InlineData(HealthCheckResponse.Types.ServingStatus.Serving, "SERVING")]
    [InlineData(HealthCheckResponse.Types.ServingStatus.NotServing, "NOT_SERVING")]
    public void Health_prints_the_protocol_name_of_the_status(HealthCheckResponse.Types.ServingStatus status, string printed)
    {
        Assert.Equal(printed, Commands.HealthText(status));
    }

    [Fact]
    public void The_readme_shows_what_pa_health_prints()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.Matches($@"pa health\s+# {Commands.HealthText(HealthCheckResponse.Types.ServingStatus.Serving)}\b", readme);
    }

    internal Options Args(params string[] args) => new([.. args, "--data-dir", _dataDirectory]);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No Platform.sln above the test's folder.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
