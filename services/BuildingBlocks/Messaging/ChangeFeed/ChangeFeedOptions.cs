namespace Platform.Messaging.ChangeFeed;

/// <summary>The change log's settings (section <c>ChangeFeed</c>).</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "ChangeFeed";

    /// <summary>
    /// How long a change stays readable. A department whose system was down for a season catches up
    /// from its cursor; 400 days outlasts a year's closing and its audit. Older cursors answer
    /// FAILED_PRECONDITION with the oldest cursor, and the department re-reads its records in full.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the pruner runs (in one replica); zero turns it off.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the sequencer looks for changes committed by the other replicas (its own replica's
    /// commits wake it at once). The upper bound of the live latency added by another replica's write.
    /// </summary>
    public TimeSpan SequencerPoll { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a replica without the sequencer reads the log's head while streams wait on it.</summary>
    public TimeSpan HeadPoll { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The sequencer's lease; another replica takes the numbering over at most this long after the holder died.</summary>
    public TimeSpan SequencerLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Rows numbered per statement.</summary>
    public int SequencerBatch { get; set; } = 5_000;
}
