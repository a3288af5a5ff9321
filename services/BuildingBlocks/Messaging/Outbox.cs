using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace Platform.Messaging;

public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds an integration event to the outbox of <paramref name="db"/>. It is published only if
    /// the caller's SaveChanges commits, and then for certain.
    /// </summary>
    public static OutboxMessage AddEvent<TEvent>(this IMessagingDbContext db, TEvent message, string aggregateKey, DateTime now)
        where TEvent : class
    {
        var row = NewRow(message, aggregateKey, now);
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>
    /// The outbox row for an event, not yet added anywhere: for bulk writers that insert rows
    /// themselves, so the relay still reads the one shape it knows.
    /// </summary>
    public static OutboxMessage NewRow<TEvent>(TEvent message, string aggregateKey, DateTime now)
        where TEvent : class => new()
    {
        MessageId = NewId.NextGuid(),
        MessageType = TypeName(typeof(TEvent)),
        Body = JsonSerializer.Serialize(message, Json),
        AggregateKey = aggregateKey,
        CreatedAt = now,
        TraceParent = Activity.Current?.Id,
    };

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
