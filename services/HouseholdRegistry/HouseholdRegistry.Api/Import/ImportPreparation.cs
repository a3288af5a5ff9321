using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Screening;
using Platform.Messaging;
using Platform.Security;
using Platform.ServiceDefaults;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// The CPU side of an import: validates each household, encrypts and hashes its national IDs and
/// serialises its events, a chunk at a time, so the writer only talks to the database.
/// </summary>
public sealed class ImportPreparation(PersonalDataProtector protector, RegistryPolicy policy, Caller caller, string batchId, DateTime now, IReadOnlySet<string> villages)
{
    private readonly List<PreparedHousehold> _households = [];
    private readonly List<BadHousehold> _bad = [];

    /// <summary>Hash → position of the household that holds it, within the current chunk; earlier chunks are in the database by the time this one is checked.</summary>
    private readonly Dictionary<string, long> _chunkHashes = new(StringComparer.Ordinal);

    private long _firstPosition;

    public int Count => _households.Count + _bad.Count;

    public void Add(long position, ImportedHousehold input)
    {
        var violations = new FieldViolations();
        var members = ImportRules.Validate(input, now, caller, villages, violations);
        if (violations.Any)
        {
            _bad.Add(Bad(position, violations));
            return;
        }

        var hashes = members.Select(m => protector.LookupHash(m.Id.Normalized)).ToList();
        for (var i = 0; i < hashes.Count; i++)
        {
            if (_chunkHashes.TryGetValue(hashes[i], out var first))
            {
                violations.Add($"application.members[{i}].national_id", $"already appears in this batch, in the household at position {first}");
            }
        }

        if (violations.Any)
        {
            _bad.Add(Bad(position, violations));
            return;
        }

        foreach (var hash in hashes)
        {
            _chunkHashes[hash] = position;
        }

        var household = ToHousehold(position, input, members, hashes);
        var key = household.Id.ToString();
        List<OutboxMessage> events = [Outbox.NewRow(household.ToRegistered(), key, now)];
        if (household.ExitedAt is { } exitedAt)
        {
            events.Add(Outbox.NewRow(new HouseholdExited(household.Id, household.RegionCode, exitedAt, household.SupportUntil!.Value), key, now));
        }

        _households.Add(new PreparedHousehold(position, household, hashes, events));
    }

    /// <summary>Hands over what was collected since the last call, ending at <paramref name="lastPosition"/>.</summary>
    public PreparedChunk TakeChunk(long lastPosition)
    {
        var chunk = new PreparedChunk(_firstPosition, lastPosition, [.. _households], [.. _bad]);
        _households.Clear();
        _bad.Clear();
        _chunkHashes.Clear();
        _firstPosition = lastPosition + 1;
        return chunk;
    }

    public static BadHousehold Bad(long position, FieldViolations violations)
    {
        var bad = new BadHousehold { Position = position };
        bad.Violations.AddRange(violations.Items.Select(v => new ImportViolation { Field = v.Field, Description = v.Description }));
        return bad;
    }

    private Household ToHousehold(long position, ImportedHousehold input, IReadOnlyList<ValidMember> members, List<string> hashes)
    {
        var registeredAt = input.RegisteredAt.ToDateTime();
        var exitedAt = input.Status == HouseholdStatus.Exited ? input.ExitedAt.ToDateTime() : (DateTime?)null;

        // The national system keeps no application date for a registered household; registration stands in for it.
        var household = HouseholdFiling.Create(input.Application, members, hashes, input.Status, caller.Subject, registeredAt, protector);
        household.RegisteredAt = registeredAt;
        household.ExitedAt = exitedAt;
        household.SupportUntil = exitedAt is { } exited ? ImportRules.SupportUntil(exited, policy.For(exited)) : null;
        household.IncomePerCapitaAtRegistrationFen = input.IncomePerCapitaAtRegistration?.Fen;
        household.CurrentIncomePerCapitaFen = input.CurrentIncomePerCapita?.Fen;
        household.CurrentIncomeYear = input.CurrentIncomePerCapita is null ? null : input.CurrentIncomeYear;
        household.ImportBatchId = batchId;
        household.ImportPosition = position;
        HouseholdScreening.Refresh(household, policy.For(registeredAt));
        return household;
    }
}
