using Platform.LocalBroker;

namespace Platform.Benchmarks.EventLatency;

/// <summary>
/// Where the machine's time went: the CPU each process (the broker, the registry, each replica) used
/// over the measured phase, per household, and what that cost allows at most on this machine's cores
/// if nothing else ran. A figure that moves with the work, unlike latency on a shared machine.
/// </summary>
public sealed class CpuLedger(RabbitMqProcess broker, ServiceProcess registry, IReadOnlyList<ServiceProcess> replicas)
{
    private Dictionary<string, TimeSpan> _start = [];
    private DateTime _startedAt;

    public void Start()
    {
        _start = Read();
        _startedAt = DateTime.UtcNow;
    }

    public void Report(long households)
    {
        var end = Read();
        var wall = (DateTime.UtcNow - _startedAt).TotalSeconds;
        Console.WriteLine($"CPU per household over {wall:0} s ({Environment.ProcessorCount} cores, {Environment.ProcessorCount * wall:0} CPU-s available):");
        double total = 0;
        foreach (var (name, used) in end)
        {
            var spent = (used - _start.GetValueOrDefault(name)).TotalMilliseconds;
            total += spent;
            Console.WriteLine($"  {name,-20} {spent / 1000,8:0.0} CPU-s {spent / households,8:0.00} ms/household");
        }

        Console.WriteLine($"  {"all",-20} {total / 1000,8:0.0} CPU-s {total / households,8:0.00} ms/household" +
            $" → at most {Environment.ProcessorCount * 1000 / (total / households):0} households/s end to end on {Environment.ProcessorCount} cores at this cost");
    }

    private Dictionary<string, TimeSpan> Read()
    {
        var used = new Dictionary<string, TimeSpan> { ["broker"] = broker.CpuTime, [registry.Kind.Name] = registry.CpuTime };
        foreach (var replica in replicas)
        {
            used[replica.Kind.Name] = replica.CpuTime;
        }

        return used;
    }
}
