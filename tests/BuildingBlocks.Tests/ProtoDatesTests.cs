using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class ProtoDatesTests
{
    [Theory]
    [InlineData(2023, 2, 30)]
    [InlineData(2023, 2, 29)]
    [InlineData(2024, 4, 31)]
    [InlineData(2024, 13, 1)]
    [InlineData(2024, 0, 1)]
    [InlineData(2024, 1, 0)]
    [InlineData(0, 1, 1)]
    [InlineData(10000, 1, 1)]
    public void Impossible_date_is_null(int year, int month, int day)
    {
        Assert.Null(new Date { Year = year, Month = month, Day = day }.ToDateOnly());
    }

    [Fact]
    public void Missing_date_is_null()
    {
        Assert.Null(((Date?)null).ToDateOnly());
    }

    [Fact]
    public void Leap_day_is_valid()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), new Date { Year = 2024, Month = 2, Day = 29 }.ToDateOnly());
    }

    [Fact]
    public void Round_trip()
    {
        var date = new DateOnly(1985, 3, 17);

        var proto = date.ToProto();

        Assert.Equal((1985, 3, 17), (proto.Year, proto.Month, proto.Day));
        Assert.Equal(date, proto.ToDateOnly());
    }
}
