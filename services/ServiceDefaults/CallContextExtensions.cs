using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Persistence;
using Platform.Security;

namespace Platform.ServiceDefaults;

public static class CallContextExtensions
{
    /// <summary>Metadata key where a caller states why it reads or changes personal data.</summary>
    public const string PurposeHeader = "x-access-purpose";

    private const string CallerKey = "platform.caller";

    /// <summary>
    /// The authenticated caller, read from the token once per call. The authorization policy has
    /// already rejected tokens without one; <see cref="CallerInterceptor"/> has admitted its role.
    /// </summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.Items.TryGetValue(CallerKey, out var known) && known is Caller caller)
        {
            return caller;
        }

        caller = Caller.FromPrincipal(http.User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "A platform token with a role and a region is required."));
        http.Items[CallerKey] = caller;
        return caller;
    }

    /// <summary>The declared purpose of the access, kept in the audit trail.</summary>
    public static string AccessPurpose(this ServerCallContext context)
    {
        var purpose = context.RequestHeaders.GetValue(PurposeHeader);
        return string.IsNullOrWhiteSpace(purpose) ? "unspecified" : purpose.Trim()[..Math.Min(purpose.Trim().Length, 256)];
    }

    public static string? TraceId => Activity.Current?.TraceId.ToString();

    /// <summary>
    /// Adds the audit record of this call's read or change; it commits with the handler's SaveChanges.
    /// The one way every service audits: who, role, region and purpose come from the call itself,
    /// the time from the service's clock and the trace from the current activity, so a handler names
    /// only what it did and to which record.
    /// </summary>
    public static void Audit(this IAuditedDbContext db, ServerCallContext context, string action, string entityType, object entityId)
    {
        db.Record(context.GetCaller(), action, entityType, Convert.ToString(entityId, CultureInfo.InvariantCulture)!, context.AccessPurpose(), context.Now(), TraceId);
    }

    /// <summary>The service's clock (its TimeProvider, which tests move) as UTC.</summary>
    public static DateTime Now(this ServerCallContext context) =>
        (context.GetHttpContext().RequestServices.GetService<TimeProvider>() ?? PlatformClock.Instance).GetUtcNow().UtcDateTime;
}
