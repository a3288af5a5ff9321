using Grpc.Core;

namespace Platform.Testing;

/// <summary>
/// Several callers doing the same thing at the same moment, as two officers or two replicas do.
/// On SQLite one writer gets in at a time; on PostgreSQL (the *.Tests.Postgres twins) the
/// transactions really overlap, so a check-then-insert without a database guard lets both in.
/// </summary>
public static class Race
{
    /// <summary>
    /// Starts <paramref name="callers"/> calls together (each waits at one gate, then all go) and
    /// returns each caller's status code: OK for a success.
    /// </summary>
    public static async Task<StatusCode[]> RunAsync(int callers, Func<int, Task> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, callers).Select(async i =>
        {
            await gate.Task;
            try
            {
                await call(i);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(calls);
    }

    /// <summary>Exactly one caller won, and every other one got one of the <paramref name="losers"/> codes.</summary>
    public static void AssertOneWinner(IReadOnlyCollection<StatusCode> outcomes, params StatusCode[] losers)
    {
        var seen = string.Join(", ", outcomes);
        Assert.True(outcomes.Count(o => o == StatusCode.OK) == 1, $"Expected exactly one success, got: {seen}");
        Assert.True(outcomes.Where(o => o != StatusCode.OK).All(losers.Contains), $"Expected the others to get {string.Join(" or ", losers)}, got: {seen}");
    }
}
