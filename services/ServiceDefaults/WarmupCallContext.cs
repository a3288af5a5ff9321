using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Platform.Security;

namespace Platform.ServiceDefaults;

/// <summary>
/// The context of a call a service makes to its own handlers at start-up, before it listens, to
/// compile and cache what a first call would otherwise pay for (EF Core's model and queries, the
/// handlers' code, the protobuf mapping). It carries a caller the way an authenticated call does
/// (grpc-dotnet finds the HttpContext under "__HttpContext"), and never leaves the process.
/// </summary>
public sealed class WarmupCallContext : ServerCallContext
{
    private readonly Dictionary<object, object> _userState;

    public WarmupCallContext(IServiceProvider services, string role, RegionCode region, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(PlatformClaims.Subject, "start-up-warmup"),
            new Claim(PlatformClaims.Role, role),
            new Claim(PlatformClaims.Region, region.Value),
            new Claim(PlatformClaims.Scope, PlatformClaims.PersonalDataScope),
        ], "warmup");
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = services };
        _userState = new Dictionary<object, object> { ["__HttpContext"] = http };
        CancellationTokenCore = cancellationToken;
    }

    protected override string MethodCore => "warmup";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "in-process";

    protected override DateTime DeadlineCore => DateTime.UtcNow.AddMinutes(1);

    protected override Metadata RequestHeadersCore { get; } = new() { { CallContextExtensions.PurposeHeader, "start-up warm-up" } };

    protected override CancellationToken CancellationTokenCore { get; }

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Warm-up calls do not call other services.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
