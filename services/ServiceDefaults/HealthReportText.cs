using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults;

/// <summary>
/// The /health answer as plain text, one line per check with its status and reason. The gRPC
/// health service can only say SERVING or NOT_SERVING; the AppHost reads this text to show the
/// dashboard why a service is unhealthy (e.g. "broker: Unhealthy - The message bus is Unhealthy: ...").
/// </summary>
public static class HealthReportText
{
    public static string Format(HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrWhiteSpace(entry.Description))
            {
                text.Append(" - ").Append(entry.Description.ReplaceLineEndings(" "));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Format(report));
    }
}
