namespace Platform.Messaging;

/// <summary>
/// An integration event waiting to be published. It is saved in the same SaveChanges as the
/// business change that raised it, and deleted only after the broker confirmed the publish.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Becomes the MassTransit MessageId, so consumers' inboxes recognise a re-publish.</summary>
    public Guid MessageId { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the event record.</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    /// <summary>Events of one aggregate are published in the order they were written.</summary>
    public required string AggregateKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>W3C trace parent of the request that wrote the event, so the trace continues through the broker.</summary>
    public string? TraceParent { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set after a failed publish: the row waits until then, and so do later rows of its aggregate.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The last attempt failed on the row itself (its event type is not loaded here, or its body cannot
    /// be read), not on the broker. It keeps being retried with back-off: a deploy may bring the type back.
    /// </summary>
    public bool Unpublishable { get; set; }

    /// <summary>
    /// Set by an operator: the relay no longer fetches the row, and later rows of its aggregate no
    /// longer wait for it. The row stays until an operator retries it.
    /// </summary>
    public DateTime? ParkedAt { get; set; }
}

/// <summary>A message a consumer has already applied: the key is (message id, consumer).</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public DateTime ProcessedAt { get; set; }
}
