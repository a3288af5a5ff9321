using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Messaging;

/// <summary>
/// On PostgreSQL, wakes the relay of every replica when any replica commits outbox rows: one relay
/// publishes at a time (the lease), and a commit in a standing-by replica would otherwise wait for the
/// holder's next sweep. Each replica LISTENs on <see cref="Channel"/> and sends one NOTIFY per burst of
/// its own commits (coalesced, naming itself), on a pooled connection. Missing a notification costs only latency:
/// the holder still sweeps every <see cref="OutboxOptions.SweepInterval"/>. Other providers have no such
/// channel; this service then does nothing.
/// </summary>
public sealed partial class PostgresOutboxWakeup<TContext>(IServiceScopeFactory scopes, OutboxSignal signal, ReplicaIdentity replica, ILogger<PostgresOutboxWakeup<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    /// <summary>NOTIFY reaches the sessions of the same database only, so one channel name serves every service.</summary>
    public const string Channel = "pa_outbox";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            if (!db.Database.IsNpgsql())
            {
                return;
            }

            connectionString = db.Database.GetConnectionString();
        }

        await Task.WhenAll(ListenAsync(connectionString!, stoppingToken), NotifyAsync(connectionString!, stoppingToken));
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection, outside the pool: it stays open, waiting for notifications.
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    // A replica hears its own NOTIFY too; its relay was woken by the commit already.
                    if (e.Payload != replica.Id)
                    {
                        signal.WakeFromPeer();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException)
            {
                LogListenFailed(ex);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    private async Task NotifyAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitForLocalCommitAsync(stoppingToken);
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', @replica)", connection);
                notify.Parameters.AddWithValue("replica", replica.Id);
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException)
            {
                // The holder's sweep still finds the rows; only the wake-up is lost.
                LogNotifyFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other replicas' outbox commits failed; retrying (their events still leave on the relay's sweep)")]
    private partial void LogListenFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling other replicas of an outbox commit failed (the relay's sweep still finds the rows)")]
    private partial void LogNotifyFailed(Exception error);
}
