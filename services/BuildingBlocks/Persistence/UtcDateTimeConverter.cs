using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Persistence;

/// <summary>
/// Every stored time is UTC. SQLite gives DateTime back with an unspecified kind, so reading
/// marks it UTC again; the platform stores DateTime rather than DateTimeOffset because SQLite
/// cannot order or compare DateTimeOffset in queries.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
