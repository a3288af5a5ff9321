using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Resources;

namespace Platform.Deployment.Tests;

/// <summary>
/// The AppHost's publish manifest describes a deployment a province can fill in: every service with
/// its h2c binding and settings, everything secret as a secret parameter, nothing of the machine it
/// was written on.
/// </summary>
public sealed partial class ManifestTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    [Fact]
    public void Every_service_of_the_AppHost_is_a_project_in_the_manifest()
    {
        var projects = manifest.OfType("project.v0").Keys.Order(StringComparer.Ordinal).ToList();
        var fromResourceNames = Repository.ServiceNames.Order(StringComparer.Ordinal).ToList();
        var fromApiProjects = Repository.ApiProjects.Select(Repository.ServiceNameOf).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(projects);
        Assert.Equal(fromResourceNames, projects);
        Assert.Equal(fromApiProjects, projects);
    }

    [Fact]
    public void Nothing_of_this_machine_is_deployed()
    {
        var types = manifest.Resources.EnumerateObject().Select(r => r.Value.GetProperty("type").GetString()).Distinct();

        // The local broker and PostgreSQL are executables; a deployment gets connection strings instead.
        Assert.All(types, type => Assert.Contains(type, new[] { "project.v0", "parameter.v0" }));
        Assert.False(Directory.Exists(manifest.DataDirectory), "Publishing must not create the data folder or development keys.");
    }

    [Fact]
    public void Every_service_listens_on_an_h2c_binding_and_an_http1_binding_beside_it()
    {
        foreach (var (name, project) in manifest.OfType("project.v0"))
        {
            var bindings = project.GetProperty("bindings").EnumerateObject().ToList();
            var env = Env(project);
            if (name == ResourceNames.Portal)
            {
                // Browsers: one HTTP binding (HTTP/1.1 and HTTP/2 as the portal's configuration says), no gRPC of its own.
                Assert.Equal(["http"], bindings.Select(b => b.Name));
                Assert.Equal(("http", 8080), Binding(bindings[0]));
                Assert.Equal($"http://*:{{{name}.bindings.http.targetPort}}", env["Kestrel__Endpoints__http__Url"]);
                continue;
            }

            // gRPC (h2c) on 8080 beside HTTP/1.1 on 8081, each named in the service's configuration:
            // OpenID Connect for the identity service, HTTP/JSON (gRPC JSON transcoding) for the others.
            var second = name == ResourceNames.Identity ? "oidc" : "json";
            Assert.Equal(["http", second], bindings.Select(b => b.Name));
            Assert.Equal(("http2", 8080), Binding(bindings[0]));
            Assert.Equal(("http", 8081), Binding(bindings[1]));
            Assert.Equal($"http://*:{{{name}.bindings.http.targetPort}}", env["Kestrel__Endpoints__http__Url"]);
            Assert.Equal($"http://*:{{{name}.bindings.{second}.targetPort}}", env[$"Kestrel__Endpoints__{second}__Url"]);
            if (name != ResourceNames.Identity)
            {
                Assert.Equal("Http2", env["Kestrel__EndpointDefaults__Protocols"]);
            }
        }
    }

    [Fact]
    public void Every_service_gets_its_database_broker_keys_and_identity_service_from_parameters()
    {
        foreach (var (name, project) in manifest.OfType("project.v0"))
        {
            var env = Env(project);
            if (name == ResourceNames.Portal)
            {
                // No database, broker or personal-data keys: the services' addresses, the identity service, its cookie keys' key.
                Assert.DoesNotContain(env.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("PersonalData__", StringComparison.Ordinal));
                Assert.Equal("{auth-authority.value}", env["Portal__Authority"]);
                Assert.NotNull(SecretParameter(env["Portal__KeyProtectionKey"], "value"));
                Assert.Equal("{household-registry.bindings.http.url}", env["Portal__Services__Registry"]);
                Assert.Equal("{assistance.bindings.http.url}", env["Portal__Services__Assistance"]);
                Assert.Equal("{employment.bindings.http.url}", env["Portal__Services__Employment"]);
                Assert.Equal("{relocation.bindings.http.url}", env["Portal__Services__Relocation"]);
                Assert.Equal(manifest.DataDirectory, env["DataDir"]);
                continue;
            }

            Assert.Contains(env["Database__Provider"], new[] { "Sqlite", "SqlServer", "Postgres" });
            if (name == ResourceNames.Identity)
            {
                // No broker and no personal data: its own database, the key that protects its signing keys, its own address.
                Assert.DoesNotContain($"ConnectionStrings__{ResourceNames.Broker}", env.Keys);
                Assert.NotNull(SecretParameter(env[$"ConnectionStrings__{ResourceNames.IdentityDatabase}"], "connectionString"));
                Assert.NotNull(SecretParameter(env["Identity__KeyProtectionKey"], "value"));
                Assert.DoesNotContain(env.Keys, k => k.StartsWith("Identity__Seed__", StringComparison.Ordinal));
                Assert.Equal("{auth-authority.value}", env["Auth__Authority"]);
                continue;
            }

            Assert.Equal($"{{{ResourceNames.Broker}.connectionString}}", env[$"ConnectionStrings__{ResourceNames.Broker}"]);
            var databases = env.Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Key != $"ConnectionStrings__{ResourceNames.Broker}").ToList();
            Assert.True(databases.Count > 0, $"{name} has no database connection string.");
            foreach (var (variable, value) in databases)
            {
                Assert.True(SecretParameter(value, "connectionString") is not null, $"{name}'s {variable} is '{value}', not a secret connection string parameter.");
            }

            Assert.True(SecretParameter(env["PersonalData__EncryptionKey"], "value") is not null, $"{name}'s encryption key is not a secret parameter.");
            Assert.True(SecretParameter(env["PersonalData__LookupKey"], "value") is not null, $"{name}'s lookup key is not a secret parameter.");
            Assert.NotEqual(env["PersonalData__EncryptionKey"], env["PersonalData__LookupKey"]);

            var authority = Reference().Match(env["Auth__Authority"]);
            Assert.True(authority.Success && authority.Groups["property"].Value == "value", $"{name}'s Auth__Authority is '{env["Auth__Authority"]}', not a parameter.");
            Assert.Equal("parameter.v0", manifest.Resources.GetProperty(authority.Groups["resource"].Value).GetProperty("type").GetString());

            // A path on the target, taken as given; the demo county is for local runs only.
            Assert.Equal(manifest.DataDirectory, env["DataDir"]);
            Assert.DoesNotContain("Registry__Demo__Enabled", env.Keys);
        }
    }

    private static (string Transport, int Port) Binding(JsonProperty binding) =>
        (binding.Value.GetProperty("transport").GetString()!, binding.Value.GetProperty("targetPort").GetInt32());

    [Fact]
    public void No_value_in_the_manifest_looks_like_a_secret()
    {
        foreach (var (where, value) in Strings(manifest.Resources, "resources"))
        {
            Assert.False(LooksLikeKey(value), $"{where} holds what looks like a key: {value}");
            Assert.False(Password().IsMatch(value), $"{where} holds a password: {value}");
        }
    }

    [Fact]
    public void Every_setting_that_holds_a_key_or_a_connection_string_comes_from_a_secret_parameter()
    {
        var checkedSettings = 0;
        foreach (var (name, project) in manifest.OfType("project.v0"))
        {
            foreach (var (variable, value) in Env(project).Where(e => SecretName().IsMatch(e.Key)))
            {
                var property = variable.StartsWith("ConnectionStrings__", StringComparison.Ordinal) ? "connectionString" : "value";
                Assert.True(SecretParameter(value, property) is not null, $"{name}'s {variable} is '{value}', not a secret parameter.");
                checkedSettings++;
            }
        }

        foreach (var (name, parameter) in manifest.OfType("parameter.v0").Where(p => SecretName().IsMatch(p.Key) || p.Value.TryGetProperty("connectionString", out _)))
        {
            Assert.True(IsSecret(parameter), $"The parameter {name} holds a key or connection string but is not marked secret.");
        }

        Assert.True(checkedSettings > 0, "No setting named like a key or connection string was found: the check checked nothing.");
    }

    private static Dictionary<string, string> Env(JsonElement project) =>
        project.GetProperty("env").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!, StringComparer.Ordinal);

    /// <summary>The parameter that <paramref name="value"/> is exactly a reference to ("{name.property}"), when it is marked secret.</summary>
    private JsonElement? SecretParameter(string value, string property)
    {
        var reference = Reference().Match(value);
        if (!reference.Success || reference.Groups["property"].Value != property
            || !manifest.Resources.TryGetProperty(reference.Groups["resource"].Value, out var resource)
            || resource.GetProperty("type").GetString() != "parameter.v0")
        {
            return null;
        }

        return IsSecret(resource) ? resource : null;
    }

    private static bool IsSecret(JsonElement parameter) =>
        parameter.TryGetProperty("inputs", out var inputs)
        && inputs.TryGetProperty("value", out var input)
        && input.TryGetProperty("secret", out var secret)
        && secret.GetBoolean();

    /// <summary>A run of base64 that decodes to 32 bytes or more: the size of every platform key.</summary>
    private static bool LooksLikeKey(string value) =>
        Base64Run().Matches(value).Any(run => run.Length % 4 == 0 && Convert.TryFromBase64String(run.Value, new byte[run.Length], out var bytes) && bytes >= 32);

    /// <summary>Every string in the manifest with its JSON path.</summary>
    private static IEnumerable<(string Where, string Value)> Strings(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => [(path, element.GetString()!)],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Strings(e, $"{path}[{i}]")),
        _ => [],
    };

    [GeneratedRegex("^\\{(?<resource>[a-z0-9-]+)\\.(?<property>value|connectionString)\\}$")]
    private static partial Regex Reference();

    [GeneratedRegex("[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex("(password|pwd)\\s*=|://[^/@\\s:]+:[^/@\\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex Password();

    [GeneratedRegex("key|secret|password|^ConnectionStrings__", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
