using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// Reads the log's head while streams of this replica wait for changes, so a change numbered by the
/// sequencer of another replica reaches them within <see cref="ChangeFeedOptions.HeadPoll"/>. One
/// small query per interval for the whole replica, however many streams wait; none while none wait.
/// </summary>
public sealed class ChangeHeadWatcher<TContext>(IServiceScopeFactory scopes, ChangeHead head, IOptions<ChangeFeedOptions> options) : BackgroundService
    where TContext : DbContext, IChangeFeedDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeadPoll);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (head.Waiters == 0)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                head.Observe(await db.Changes.MaxAsync(c => c.Sequence, stoppingToken) ?? 0);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: the streams keep waiting and the next tick asks again.
            }
        }
    }
}
