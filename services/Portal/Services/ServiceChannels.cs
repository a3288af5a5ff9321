using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Services;

/// <summary>
/// One long-lived gRPC channel per service (h2c), shared by every officer's requests: the channel
/// carries no identity, each call carries its officer's token (<see cref="ServiceCalls"/>).
/// </summary>
public sealed class ServiceChannels : IDisposable
{
    public ServiceChannels(IOptions<PortalOptions> options)
    {
        var services = options.Value.Services;
        Registry = Open(nameof(services.Registry), services.Registry);
        Assistance = Open(nameof(services.Assistance), services.Assistance);
        Employment = Open(nameof(services.Employment), services.Employment);
        Relocation = Open(nameof(services.Relocation), services.Relocation);
    }

    public GrpcChannel Registry { get; }

    public GrpcChannel Assistance { get; }

    public GrpcChannel Employment { get; }

    public GrpcChannel Relocation { get; }

    public void Dispose()
    {
        Registry.Dispose();
        Assistance.Dispose();
        Employment.Dispose();
        Relocation.Dispose();
    }

    private static GrpcChannel Open(string name, string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"{PortalOptions.Section}:Services:{name} must be the service's gRPC address (e.g. http://localhost:5101), not '{address}'.");
        }

        return GrpcChannel.ForAddress(uri, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                // Several requests of one page go out at once; let them share connections freely.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
                // A replica that went away is noticed, and a new connection may reach another one.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
    }
}
