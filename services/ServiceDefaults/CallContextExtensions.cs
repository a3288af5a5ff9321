using System.Diagnostics;
using Grpc.Core;
using Platform.Security;

namespace Platform.ServiceDefaults;

public static class CallContextExtensions
{
    /// <summary>Metadata key where a caller states why it reads or changes personal data.</summary>
    public const string PurposeHeader = "x-access-purpose";

    /// <summary>The authenticated caller. The authorization policy has already rejected tokens without one.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        Caller.FromPrincipal(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "A platform token with a role and a region is required."));

    /// <summary>The declared purpose of the access, kept in the audit trail.</summary>
    public static string AccessPurpose(this ServerCallContext context)
    {
        var purpose = context.RequestHeaders.GetValue(PurposeHeader);
        return string.IsNullOrWhiteSpace(purpose) ? "unspecified" : purpose.Trim()[..Math.Min(purpose.Trim().Length, 256)];
    }

    public static string? TraceId => Activity.Current?.TraceId.ToString();
}
