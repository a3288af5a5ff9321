using Pa.Common.V1;
using Pa.Employment.V1;

namespace Platform.Employment.Tests.Welfare;

/// <summary>Valid requests that tests vary.</summary>
internal static class WelfareRequests
{
    public static Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static Money Fen(long fen) => new() { Fen = fen };

    public static RegisterWorkshopRequest Workshop(string village, DateOnly registeredOn, string name = "Bamboo weaving workshop") => new()
    {
        Name = name, VillageCode = village, OperatorName = "Huoqiu Bamboo Co.", RegisteredOn = Day(registeredOn),
    };

    public static CreatePostRequest Post(string village, PostPayBasis basis = PostPayBasis.PerDay, long rateFen = 5_000, string title = "Road cleaner") => new()
    {
        VillageCode = village, Title = title, PayBasis = basis, Rate = Fen(rateFen),
    };
}
