using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Security;

namespace Platform.Identity.Tests;

/// <summary>
/// The walks every service's contract gets: each RPC declares its callers and refuses every other
/// role, and each field rule of the contract refuses a request that breaks it, writing nothing.
/// </summary>
public sealed class ContractTests(IdentityFactory identity) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task Every_rpc_declares_its_callers_and_refuses_every_other_role()
    {
        var walk = await WithoutWritesAsync(() => CrossCuttingChecks.RolesNotRefusedAsync(identity.Services, Invoker(), CrossCuttingChecks.EveryRole(As)));

        Assert.True(walk.Checked.Count >= 9, $"walked only {walk.Checked.Count} RPCs");
        Assert.Empty(walk.Failures);
    }

    [Fact]
    public async Task Every_field_rule_of_the_contract_refuses_a_request_that_breaks_it_and_writes_nothing()
    {
        var walk = await WithoutWritesAsync(() => CrossCuttingChecks.RulesNotEnforcedAsync(
            identity.Services, Invoker(), [As(PlatformRoles.Operator, "340000000000", null)]));

        Assert.NotEmpty(walk.Checked);
        Assert.Empty(walk.Failures);
    }

    private CallInvoker Invoker() => identity.Management.GetType().GetProperty("CallInvoker", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
        .GetValue(identity.Management) as CallInvoker ?? throw new InvalidOperationException("No call invoker.");

    /// <summary>A token of any role, signed with the service's own key: the walk needs every role, not registered accounts.</summary>
    private CallOptions As(string role, string region, IEnumerable<string>? scopes)
    {
        var signer = identity.Services.GetRequiredService<SigningKeyRing>().Signer.Credentials;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost/",
            Audience = "pa-platform",
            Claims = new Dictionary<string, object> { ["sub"] = $"walk-{role}", ["role"] = role, ["region"] = region },
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = signer,
        });
        return IdentityFactory.With(token);
    }

    private async Task<CrossCuttingChecks.Walk> WithoutWritesAsync(Func<Task<CrossCuttingChecks.Walk>> walk)
    {
        var before = await RowsAsync();
        var result = await walk();
        Assert.Equal("", TableRows.Changes(before, await RowsAsync()));
        return result;
    }

    private async Task<IReadOnlyDictionary<string, long>> RowsAsync()
    {
        await using var scope = identity.Services.CreateAsyncScope();
        return await TableRows.CountAsync(scope.ServiceProvider.GetRequiredService<IdentityDbContext>());
    }
}
