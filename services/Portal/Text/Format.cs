using System.Globalization;
using Pa.Common.V1;

namespace Platform.Portal.Text;

/// <summary>Money, dates and shares as officers write them: 1,234.50 元 and 2026年12月5日.</summary>
public static class Format
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static string Money(Money? money) => money is null ? "—" : Yuan(money.Fen);

    /// <summary>Fen (分) as yuan with two decimals: 123450 → "1,234.50 元".</summary>
    public static string Yuan(long fen) => Lang.IsEnglish
        ? $"CNY {(fen / 100m).ToString("#,##0.00", Numbers)}"
        : $"{(fen / 100m).ToString("#,##0.00", Numbers)} 元";

    public static string Date(Date? date) => date is null || date.Year == 0 ? "—" : Date(new DateOnly(date.Year, date.Month, date.Day));

    public static string Date(DateOnly date) => Lang.IsEnglish
        ? date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
        : $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>An instant as the day it was in China, wherever the portal runs.</summary>
    public static string Date(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "—" : Date(DateOnly.FromDateTime(InChina(time.ToDateTime())));

    /// <summary>A UTC time as China's clock shows it (UTC+8 all year, no daylight saving): the day and year officers mean.</summary>
    public static DateTime InChina(DateTime utc) => utc.AddHours(8);

    public static string Count(long count) => count.ToString("#,##0", Numbers);

    /// <summary>A share (0.0315) as a percentage with two decimals: "3.15%".</summary>
    public static string Percent(double? share) => share is null ? "—" : (share.Value * 100).ToString("0.00", Numbers) + "%";

    public static string Percent(long part, long whole) => whole == 0 ? "—" : Percent((double)part / whole);

    public static string Year(int year) => year == 0 ? "—" : Lang.IsEnglish ? year.ToString(Numbers) : $"{year}年";
}
