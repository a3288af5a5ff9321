namespace Platform.Messaging;

/// <summary>
/// This process among the replicas of a service: machine name, process id and a random part, so that
/// two processes never share an identity even with the same pid (containers) or host name. A restarted
/// process is a new replica: a lease its predecessor held is taken over only once it expires.
/// </summary>
public sealed class ReplicaIdentity
{
    public const int MaxLength = 200;

    public ReplicaIdentity()
    {
        var machine = Environment.MachineName;
        var id = $"{machine[..Math.Min(machine.Length, 150)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        Id = id[..Math.Min(id.Length, MaxLength)];
    }

    public string Id { get; }

    public override string ToString() => Id;
}
