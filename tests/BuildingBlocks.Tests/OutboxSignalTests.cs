using System.Diagnostics;
using Platform.Messaging;

namespace Platform.BuildingBlocks.Tests;

public sealed class OutboxSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private static async Task<TimeSpan> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    [Fact]
    public async Task Returns_promptly_after_Notify()
    {
        var signal = new OutboxSignal();
        signal.Notify();

        Assert.True(await Time(() => signal.WaitAsync(Long, CancellationToken.None)) < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Notify_wakes_a_waiter_that_is_already_waiting()
    {
        var signal = new OutboxSignal();
        var watch = Stopwatch.StartNew();
        var wait = signal.WaitAsync(Long, CancellationToken.None);
        await Task.Delay(50);

        signal.Notify();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Returns_after_the_timeout_without_a_signal()
    {
        var signal = new OutboxSignal();

        var elapsed = await Time(() => signal.WaitAsync(Short, CancellationToken.None));

        Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Many_notifies_collapse_into_one_wake_up()
    {
        var signal = new OutboxSignal();
        for (var i = 0; i < 100; i++)
        {
            signal.Notify();
        }

        var first = await Time(() => signal.WaitAsync(Long, CancellationToken.None));
        var second = await Time(() => signal.WaitAsync(Short, CancellationToken.None));

        Assert.True(first < TimeSpan.FromSeconds(2), $"first wait took {first}");
        Assert.InRange(second, Short - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_swallowed()
    {
        var signal = new OutboxSignal();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signal.WaitAsync(Long, cts.Token));
    }
}
