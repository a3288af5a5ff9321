using System.Text.Json;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging.ChangeFeed;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Changes;

/// <summary>
/// Change rows as the contract's messages. The facts are those the event carried when the change was
/// made; a member's name and national ID come from the member's record (read once per page), the ID
/// masked unless the caller holds the personal-data scope.
/// </summary>
internal sealed class ChangeMapping(RegistryDbContext db, PersonalDataProtector protector, bool showNationalIds)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, HouseholdChangeKind> Kinds = RegistryChanges.KindNames.ToDictionary(p => p.Value, p => p.Key);

    public async Task<List<HouseholdChange>> ToMessagesAsync(IReadOnlyList<ChangeRecord> rows, CancellationToken ct)
    {
        var events = rows.Select(r => (Row: r, Event: Read(r))).ToList();
        // One JSON array parameter: a page names hundreds of members, and SQLite matches parameter names one by one.
        var memberIds = events.SelectMany(e => MembersOf(e.Event)).Select(m => m.MemberId).Distinct().ToList();
        var people = memberIds.Count == 0
            ? []
            : await db.Members.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.Id))
                .Select(m => new { m.Id, m.Name, m.NationalIdCipher, m.Position }).ToDictionaryAsync(m => m.Id, m => new Person(m.Name, m.NationalIdCipher, m.Position), ct);
        return [.. events.Select(e => ToMessage(e.Row, e.Event, people))];
    }

    private HouseholdChange ToMessage(ChangeRecord row, object change, IReadOnlyDictionary<Guid, Person> people)
    {
        var message = new HouseholdChange
        {
            Cursor = ChangeFeedCalls.Cursor(row),
            Kind = Kinds[row.Kind],
            HouseholdId = row.SubjectId.ToString(),
            RegionCode = row.RegionCode,
            ChangedAt = Timestamp.FromDateTime(row.CreatedAt),
        };
        switch (change)
        {
            case HouseholdRegistered e:
                message.Registered = new RegisteredChange
                {
                    PrimaryCause = Enum.Parse<PovertyCause>(e.PrimaryCause),
                    Pathway = Enum.Parse<AssistancePathway>(e.Pathway),
                    PlannedExitYear = e.PlannedExitYear ?? 0,
                    Members = { InFormOrder(e.Members, people) },
                };
                break;
            case HouseholdMembersChanged e:
                message.MembersChanged = new MembersChange { Members = { InFormOrder(e.Members, people) } };
                break;
            case HouseholdIncomeRecorded e:
                message.IncomeRecorded = new IncomeRecordedChange
                {
                    Year = e.Year,
                    NetIncome = new Money { Fen = e.NetIncomeFen },
                    PerCapitaNetIncome = new Money { Fen = e.PerCapitaNetIncomeFen },
                    RigidExpenditure = new Money { Fen = e.RigidExpenditureFen },
                    MemberCount = e.MemberCount,
                };
                break;
            case HouseholdExited e:
                message.Exited = new ExitedChange { SupportUntil = e.SupportUntil.ToProto() };
                break;
            case HouseholdReentered e:
                message.Reentered = new ReenteredChange { Reason = e.Reason };
                break;
            case MonitoringCategoryChanged e:
                message.MonitoringCategoryChanged = new MonitoringCategoryChange
                {
                    PreviousCategory = Enum.Parse<MonitoringCategory>(e.PreviousCategory),
                    Category = Enum.Parse<MonitoringCategory>(e.Category),
                    Reason = e.Reason,
                };
                break;
            case HelperAssigned e:
                message.HelperAssigned = new HelperChange { HelperId = e.HelperId.ToString(), Name = e.HelperName, WorkUnit = e.WorkUnit };
                break;
        }

        return message;
    }

    /// <summary>Members in the order of the application form (the head first), as the household file lists them.</summary>
    private IEnumerable<Pa.Registry.V1.Member> InFormOrder(IEnumerable<MemberFacts> members, IReadOnlyDictionary<Guid, Person> people) =>
        members.OrderBy(m => people.TryGetValue(m.MemberId, out var person) ? person.Position : int.MaxValue).Select(m => Member(m, people));

    private Pa.Registry.V1.Member Member(MemberFacts m, IReadOnlyDictionary<Guid, Person> people)
    {
        var member = new Pa.Registry.V1.Member
        {
            MemberId = m.MemberId.ToString(),
            Relationship = Enum.Parse<Relationship>(m.Relationship),
            Sex = Enum.Parse<Sex>(m.Sex),
            BirthDate = m.BirthDate.ToProto(),
            Health = Enum.Parse<HealthStatus>(m.Health),
            DisabilityGrade = m.DisabilityGrade,
            LabourCapacity = Enum.Parse<LabourCapacity>(m.LabourCapacity),
            Schooling = Enum.Parse<SchoolingStatus>(m.Schooling),
        };
        if (people.TryGetValue(m.MemberId, out var person))
        {
            var id = protector.Decrypt(person.NationalIdCipher);
            member.Name = person.Name;
            member.NationalId = showNationalIds ? id : NationalId.Mask(id);
        }

        return member;
    }

    private static IEnumerable<MemberFacts> MembersOf(object change) => change switch
    {
        HouseholdRegistered e => e.Members,
        HouseholdMembersChanged e => e.Members,
        _ => [],
    };

    private static object Read(ChangeRecord row) => row.Kind switch
    {
        nameof(HouseholdRegistered) => Deserialize<HouseholdRegistered>(row.Body),
        nameof(HouseholdMembersChanged) => Deserialize<HouseholdMembersChanged>(row.Body),
        nameof(HouseholdIncomeRecorded) => Deserialize<HouseholdIncomeRecorded>(row.Body),
        nameof(HouseholdExited) => Deserialize<HouseholdExited>(row.Body),
        nameof(HouseholdReentered) => Deserialize<HouseholdReentered>(row.Body),
        nameof(MonitoringCategoryChanged) => Deserialize<MonitoringCategoryChanged>(row.Body),
        nameof(HelperAssigned) => Deserialize<HelperAssigned>(row.Body),
        _ => throw new InvalidOperationException($"The change log holds a kind the registry does not know: {row.Kind}."),
    };

    private static T Deserialize<T>(string body) => JsonSerializer.Deserialize<T>(body, Json)
        ?? throw new InvalidOperationException($"An empty {typeof(T).Name} in the change log.");

    private sealed record Person(string Name, string NationalIdCipher, int Position);
}
