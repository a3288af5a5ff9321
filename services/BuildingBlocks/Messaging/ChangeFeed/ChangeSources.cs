using System.Text.Json;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// The events of a service that are changes a department follows. Each is named by its kind (the
/// event's type name) and says which region and record it is about. An event not listed here goes to
/// the broker only.
/// </summary>
public sealed class ChangeSources
{
    private readonly Dictionary<string, Source> _byMessageType = new(StringComparer.Ordinal);

    public ChangeSources Follow<TEvent>(Func<TEvent, string> region, Func<TEvent, Guid> subject)
        where TEvent : class
    {
        var kind = typeof(TEvent).Name;
        _byMessageType[Outbox.TypeName(typeof(TEvent))] = new Source(kind, body =>
        {
            var message = JsonSerializer.Deserialize<TEvent>(body, Outbox.Json)
                ?? throw new InvalidOperationException($"An empty {kind} cannot be a change.");
            return (region(message), subject(message));
        });
        return this;
    }

    /// <summary>The kinds followed, e.g. "HouseholdRegistered".</summary>
    public IEnumerable<string> Kinds => _byMessageType.Values.Select(s => s.Kind);

    /// <summary>The change an outbox row makes, or null when its event is not followed.</summary>
    public ChangeRecord? ChangeFor(OutboxMessage row)
    {
        if (!_byMessageType.TryGetValue(row.MessageType, out var source))
        {
            return null;
        }

        var (region, subject) = source.Read(row.Body);
        return new ChangeRecord
        {
            Kind = source.Kind,
            RegionCode = region,
            CountyCode = region.Length >= 6 ? region[..6] : region,
            SubjectId = subject,
            Body = row.Body,
            CreatedAt = row.CreatedAt,
        };
    }

    /// <summary>The changes of rows a bulk writer inserts itself, to insert in the same transaction.</summary>
    public List<ChangeRecord> ChangesFor(IEnumerable<OutboxMessage> rows) =>
        [.. rows.Select(ChangeFor).OfType<ChangeRecord>()];

    private sealed record Source(string Kind, Func<string, (string Region, Guid Subject)> Read);
}
