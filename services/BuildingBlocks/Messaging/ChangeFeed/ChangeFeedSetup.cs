using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Messaging.ChangeFeed;

public static class ChangeFeedSetup
{
    /// <summary>
    /// The change log of <typeparamref name="TContext"/>: a change row beside every followed event its
    /// handlers save, the one sequencer that numbers them, the head watcher that wakes streams, and the
    /// pruner (section <c>ChangeFeed</c>). Call after <c>AddPlatformMessaging</c>.
    /// </summary>
    public static IHostApplicationBuilder AddChangeFeed<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext, IChangeFeedDbContext
    {
        var services = builder.Services;
        services.AddOptions<ChangeFeedOptions>().BindConfiguration(ChangeFeedOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero && o.SequencerBatch >= 1 && o.SequencerPoll > TimeSpan.Zero && o.HeadPoll > TimeSpan.Zero && o.SequencerLease > TimeSpan.Zero,
                "ChangeFeed:Retention, SequencerPoll, HeadPoll and SequencerLease must be positive and SequencerBatch at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ChangeHead>();
        services.AddSingleton<ChangeFeedMetrics>();
        services.AddSingleton<IInterceptor, ChangeLogInterceptor>();
        services.AddSingleton<ChangeSequencer<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeSequencer<TContext>>());
        services.AddHostedService<ChangeHeadWatcher<TContext>>();
        services.AddSingleton<ChangeLogPruner<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeLogPruner<TContext>>());
        return builder;
    }
}
