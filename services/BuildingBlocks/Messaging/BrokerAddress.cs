namespace Platform.Messaging;

/// <summary>The parts of an amqp://user:password@host:port/vhost connection string.</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string User, string Password, bool UseTls)
{
    public static BrokerAddress Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq"))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{MessagingSetup.BrokerConnectionName} must be an amqp:// URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");
        }

        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var tls = uri.Scheme == "amqps";
        return new BrokerAddress(
            uri.Host,
            uri.IsDefaultPort || uri.Port < 0 ? (ushort)(tls ? 5671 : 5672) : (ushort)uri.Port,
            vhost.Length == 0 ? "/" : vhost,
            userInfo[0].Length == 0 ? "guest" : userInfo[0],
            userInfo.Length > 1 ? userInfo[1] : "guest",
            tls);
    }
}
