using Pa.Registry.V1;
using Platform.Messaging;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Import;

/// <summary>A valid household ready to write: IDs already encrypted and hashed, events already serialised.</summary>
public sealed record PreparedHousehold(long Position, Household Household, IReadOnlyList<string> Hashes, IReadOnlyList<OutboxMessage> Events);

/// <summary>A consecutive run of the stream: the households ready to write and those already found bad.</summary>
public sealed record PreparedChunk(long FirstPosition, long LastPosition, IReadOnlyList<PreparedHousehold> Households, IReadOnlyList<BadHousehold> Bad);
