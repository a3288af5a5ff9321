using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using Grpc.Net.Client;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The registry's replicas as a client that knows each of them sees them: a channel to each
/// replica's own address (not Aspire's proxy), calls spread by the caller's choice, and a call whose
/// replica died retried on another one, after asking that one whether the first attempt took effect
/// (a replica can die after its commit and before its answer). A call answered Aborted is made
/// again, as the contract asks of every client.
/// </summary>
public sealed class RegistryReplicas : IDisposable
{
    private const int MaxAttempts = 6;

    private readonly Replica[] _replicas;

    public RegistryReplicas(Suite suite, IReadOnlyList<string> instanceIds) =>
        _replicas = [.. instanceIds.Select(id => new Replica(id, suite.AddressOf(id), ProcessId(suite.Instance(id))))];

    public IReadOnlyList<Replica> All => _replicas;

    /// <summary>
    /// Calls the replica <paramref name="preferred"/> (modulo the count). When the replica was
    /// crashed, the call goes to the next live one; if an attempt was cut off by the crash,
    /// <paramref name="tookEffect"/> asks the next replica for the result the lost attempt committed
    /// (null when it did not), and only otherwise is the call repeated.
    /// </summary>
    public async Task<T> CallAsync<T>(int preferred, Func<GrpcChannel, Task<T>> call, Func<GrpcChannel, Task<T?>> tookEffect)
        where T : class
    {
        var uncertain = false;
        for (var attempt = 0; ; attempt++)
        {
            var replica = Live(preferred + attempt);
            Interlocked.Increment(ref replica.InFlight);
            try
            {
                var result = (uncertain ? await tookEffect(replica.Channel) : null) ?? await call(replica.Channel);
                Interlocked.Increment(ref replica.Served);
                return result;
            }
            catch (RpcException ex) when (replica.Crashed && attempt + 1 < MaxAttempts && ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown)
            {
                Interlocked.Increment(ref replica.CutOff);
                uncertain = true;
            }
            catch (RpcException ex) when (uncertain && ex.StatusCode == StatusCode.AlreadyExists && attempt + 1 < MaxAttempts)
            {
                // The lost attempt's COMMIT reached the database just before the crash and landed after
                // this replica was asked: the repeat collides with it. Ask again whether it took effect.
                Interlocked.Increment(ref replica.LateCommits);
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted && attempt + 1 < MaxAttempts)
            {
                // The household changed under the call (e.g. a consumer recorded an event for it); nothing was written: call again.
                Interlocked.Increment(ref replica.Aborted);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)));
            }
            finally
            {
                Interlocked.Decrement(ref replica.InFlight);
            }
        }
    }

    /// <summary>
    /// Kills the replica, as a crash would: no shutdown, calls in flight are cut off (it waits a
    /// moment for some to be in flight). The resource's process is "dotnet run", so its whole tree
    /// goes (the service is its child).
    /// </summary>
    public async Task<Replica> CrashAsync(int index)
    {
        var replica = _replicas[index % _replicas.Length];
        for (var wait = 0; wait < 200 && Volatile.Read(ref replica.InFlight) < 2; wait++)
        {
            await Task.Delay(10);
        }

        replica.Crashed = true;
        replica.InFlightAtCrash = Volatile.Read(ref replica.InFlight);
        using var process = System.Diagnostics.Process.GetProcessById(replica.ProcessId);
        process.Kill(entireProcessTree: true);
        return replica;
    }

    public void Dispose()
    {
        foreach (var replica in _replicas)
        {
            replica.Channel.Dispose();
        }
    }

    private static int ProcessId(ResourceEvent instance) =>
        Convert.ToInt32(instance.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);

    private Replica Live(int index)
    {
        for (var i = 0; i < _replicas.Length; i++)
        {
            var replica = _replicas[(index + i) % _replicas.Length];
            if (!replica.Crashed)
            {
                return replica;
            }
        }

        throw new InvalidOperationException("Every registry replica was crashed.");
    }

    public sealed class Replica(string id, Uri address, int processId)
    {
        public string Id => id;

        public int ProcessId => processId;

        public GrpcChannel Channel { get; } = GrpcChannel.ForAddress(address);

        /// <summary>Calls this replica answered.</summary>
        public int Served;

        /// <summary>Calls cut off by this replica's crash (retried elsewhere).</summary>
        public int CutOff;

        /// <summary>Repeats of a cut-off call that collided with the lost attempt's late commit (AlreadyExists), then found it.</summary>
        public int LateCommits;

        /// <summary>Calls answered Aborted (a concurrent change of the household) and made again.</summary>
        public int Aborted;

        /// <summary>Calls this replica was working on when it was killed.</summary>
        public int InFlightAtCrash;

        /// <summary>Calls this replica is working on now.</summary>
        public int InFlight;

        public volatile bool Crashed;
    }
}
