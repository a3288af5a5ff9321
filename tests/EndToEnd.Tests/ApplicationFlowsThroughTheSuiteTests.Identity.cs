using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Pa.Identity.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

public sealed partial class ApplicationFlowsThroughTheSuiteTests
{
    private const string ClientCounty = "341522000000";

    /// <summary>
    /// A department registered by the operator obtains tokens with the standard client-credentials
    /// request and sees exactly its county; after a key rotation its old and new tokens both work
    /// without a restart of any service; once disabled, the services refuse its token with the reason.
    /// </summary>
    [Fact]
    public async Task A_department_client_of_the_identity_service_is_honoured_through_a_key_rotation_and_refused_once_disabled()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var identityChannel = _suite.Channel(ResourceNames.Identity);
        var identity = new IdentityService.IdentityServiceClient(identityChannel);
        var asOperator = Bearer(await TokenRequest.ForOfficerAsync(http, _suite.Authority, "operator", _suite.DevelopmentPassword));
        var registered = await identity.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = "civil-affairs-e2e", DisplayName = "县民政局", RegionCode = ClientCounty, Scopes = { "department:civil-affairs" },
        }, asOperator);
        using var registryChannel = _suite.Channel(ResourceNames.HouseholdRegistry);
        var households = new HouseholdService.HouseholdServiceClient(registryChannel);

        var before = await TokenRequest.ForClientAsync(http, _suite.Authority, "civil-affairs-e2e", registered.ClientSecret);
        var claims = new JsonWebToken(before);
        Assert.Equal((PlatformRoles.DepartmentClient, ClientCounty, "department:civil-affairs"),
            (claims.GetClaim(PlatformClaims.Role).Value, claims.GetClaim(PlatformClaims.Region).Value, claims.GetClaim(PlatformClaims.Scope).Value));
        await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = ClientCounty }, Bearer(before));
        var elsewhere = await Assert.ThrowsAsync<RpcException>(async () =>
            await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = "341523000000" }, Bearer(before)));
        Assert.Equal(StatusCode.NotFound, elsewhere.StatusCode);

        var rotated = await identity.RotateSigningKeyAsync(new RotateSigningKeyRequest(), asOperator);
        var after = await TokenRequest.ForClientAsync(http, _suite.Authority, "civil-affairs-e2e", registered.ClientSecret);
        Assert.Equal(rotated.Key.KeyId, new JsonWebToken(after).Kid);
        await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = ClientCounty }, Bearer(after));
        await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = ClientCounty }, Bearer(before));

        await identity.DisableClientAsync(new DisableClientRequest { ClientId = "civil-affairs-e2e" }, asOperator);
        var refusal = "";
        await Suite.WaitUntilAsync(async () =>
        {
            try
            {
                await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = ClientCounty }, Bearer(after));
                return false;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
            {
                refusal = ex.Status.Detail;
                return true;
            }
        }, TimeSpan.FromSeconds(90), () => "the registry kept honouring the disabled client's token");
        Assert.Contains("'civil-affairs-e2e' was disabled at", refusal, StringComparison.Ordinal);
    }

    private static CallOptions Bearer(string token) =>
        new(new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "end-to-end test" } }, DateTime.UtcNow.AddSeconds(60));
}
