using Google.Protobuf.WellKnownTypes;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Income;

namespace Platform.HouseholdRegistry.Monitoring;

internal static class MonitoringMapping
{
    public static Pa.Registry.V1.MonitoringChange ToMessage(this MonitoringHistoryEntry e) => new()
    {
        PreviousCategory = e.PreviousCategory,
        Category = e.Category,
        Trigger = e.Trigger,
        Reason = e.Reason,
        Amount = e.AmountFen is { } amount ? IncomeMapping.Fen(amount) : null,
        At = Timestamp.FromDateTime(e.At),
        By = e.By,
    };

    public static Pa.Registry.V1.MonitoredHousehold ToMonitored(this Household h, MonitoringRecord? record) => new()
    {
        HouseholdId = h.Id.ToString(),
        RegionCode = h.RegionCode,
        Status = h.Status,
        Category = h.MonitoringCategory,
        CurrentIncomePerCapita = h.CurrentIncomePerCapitaFen is { } income ? IncomeMapping.Fen(income) : null,
        CurrentIncomeYear = h.CurrentIncomeYear ?? 0,
        IncomeAboveBandSince = record?.IncomeAboveBandSince is { } since ? Timestamp.FromDateTime(since) : null,
    };
}
