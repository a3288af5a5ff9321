using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Proto = Pa.Employment.V1;

namespace Platform.Employment.Assets;

/// <summary>Stored collective income source, as kept in <see cref="CollectiveIncome.SourcesJson"/>.</summary>
public sealed record IncomeSource(string Name, long AmountFen);

internal static class AssetMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Money Fen(long fen) => new() { Fen = fen };

    public static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public static string ToJson(IReadOnlyList<IncomeSource> sources) => JsonSerializer.Serialize(sources, Json);

    public static Proto.ShareHolding ToMessage(this ProjectShare s) => new()
    {
        ProjectId = s.ProjectId.ToString(), HouseholdId = s.HouseholdId.ToString(), Shares = s.Shares, SetBy = s.SetBy, SetAt = Utc(s.SetAt),
    };

    public static Proto.DividendRun ToMessage(this DividendRun r)
    {
        var message = new Proto.DividendRun
        {
            Id = r.Id.ToString(), ProjectId = r.ProjectId.ToString(), RunKey = r.RunKey, Year = r.Year, Amount = Fen(r.AmountFen),
            TotalShares = r.TotalShares, Households = r.Households, ProcessedHouseholds = r.ProcessedHouseholds, PaidHouseholds = r.PaidHouseholds,
            Paid = Fen(r.PaidFen), StartedBy = r.StartedBy, StartedAt = Utc(r.StartedAt),
            Status = r.Status == DividendRunStatus.Completed ? Proto.DividendRunStatus.Completed : Proto.DividendRunStatus.Running,
        };
        if (r.CompletedAt is { } completed)
        {
            message.CompletedAt = Utc(completed);
        }

        return message;
    }

    public static Proto.IndustrySubsidy ToMessage(this IndustrySubsidy s) => new()
    {
        Id = s.Id.ToString(), HouseholdId = s.HouseholdId.ToString(), Year = s.Year, Item = s.Item, Units = s.Units,
        RatePerUnit = Fen(s.RatePerUnitFen), Amount = Fen(s.AmountFen), GrantedBy = s.GrantedBy, GrantedAt = Utc(s.GrantedAt),
    };

    public static Proto.CollectiveIncome ToMessage(this CollectiveIncome c)
    {
        var message = new Proto.CollectiveIncome
        {
            VillageCode = c.VillageCode, Year = c.Year, Amount = Fen(c.AmountFen), RecordedBy = c.RecordedBy, RecordedAt = Utc(c.RecordedAt),
        };
        var sources = JsonSerializer.Deserialize<List<IncomeSource>>(c.SourcesJson, Json) ?? [];
        message.Sources.AddRange(sources.Select(s => new Proto.CollectiveIncomeSource { Name = s.Name, Amount = Fen(s.AmountFen) }));
        return message;
    }
}
