using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The suite runs plain HTTP locally. Aspire raises "No trusted development certificate" as an
/// error banner on every dashboard page when any resource could use TLS (Aspire 13.6, DcpHost:
/// an https endpoint, or a certificate callback that WithoutHttpsCertificate has not switched off),
/// and every project gets such a callback by default. The model is checked without starting it.
/// </summary>
public sealed class DashboardWarningTests
{
    [Fact]
    public async Task No_resource_of_the_suite_asks_for_a_development_certificate()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"pa-model-{Guid.NewGuid():N}");
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"DataDir={dataDirectory}"]);

            var usingTls = builder.Resources.Where(UsesTls).Select(r => r.Name).ToList();

            Assert.NotEmpty(builder.Resources.OfType<ProjectResource>());
            Assert.Empty(usingTls);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

#pragma warning disable ASPIRECERTIFICATES001 // The annotations Aspire reads for this decision are experimental in 13.6.
    private static bool UsesTls(IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.UriScheme == "https")
        || (resource.Annotations.OfType<HttpsCertificateConfigurationCallbackAnnotation>().Any()
            && !(resource.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var certificate)
                && certificate.UseDeveloperCertificate is false or null
                && certificate.Certificate is null));
#pragma warning restore ASPIRECERTIFICATES001
}
