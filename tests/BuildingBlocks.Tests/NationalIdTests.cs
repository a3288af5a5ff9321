using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

public sealed class NationalIdTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>Appends the correct MOD 11-2 check character to 17 digits.</summary>
    private static string WithCheck(string first17) => first17 + NationalId.CheckCharacterFor(first17);

    [Fact]
    public void Published_example_with_X_check_character_is_valid()
    {
        Assert.Equal('X', NationalId.CheckCharacterFor("11010519491231002"));

        var problem = NationalId.Check("11010519491231002X", Today, out var facts);

        Assert.Equal(NationalIdProblem.None, problem);
        Assert.Equal("11010519491231002X", facts.Normalized);
        Assert.Equal(new DateOnly(1949, 12, 31), facts.BirthDate);
        Assert.False(facts.IsMale);
    }

    [Fact]
    public void Lowercase_x_is_accepted_and_normalised_to_upper_case()
    {
        var problem = NationalId.Check(" 11010519491231002x ", Today, out var facts);

        Assert.Equal(NationalIdProblem.None, problem);
        Assert.Equal("11010519491231002X", facts.Normalized);
    }

    [Theory]
    [InlineData("34152219850317001", 1985, 3, 17, true)]
    [InlineData("34152219850317002", 1985, 3, 17, false)]
    [InlineData("53292720000229123", 2000, 2, 29, true)]
    [InlineData("53292719000101008", 1900, 1, 1, false)]
    public void Valid_id_gives_birth_date_and_sex(string first17, int year, int month, int day, bool isMale)
    {
        var id = WithCheck(first17);

        var problem = NationalId.Check(id, Today, out var facts);

        Assert.Equal(NationalIdProblem.None, problem);
        Assert.Equal(id, facts.Normalized);
        Assert.Equal(new DateOnly(year, month, day), facts.BirthDate);
        Assert.Equal(isMale, facts.IsMale);
    }

    [Fact]
    public void Birth_date_of_today_is_valid()
    {
        Assert.Equal(NationalIdProblem.None, NationalId.Check(WithCheck("34152220250601001"), Today, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing(string? value)
    {
        Assert.Equal(NationalIdProblem.Missing, NationalId.Check(value, Today, out var facts));
        Assert.Equal(default, facts);
    }

    [Theory]
    [InlineData("34152219850317001")]
    [InlineData("3415221985031700100")]
    public void Wrong_length(string value)
    {
        Assert.Equal(NationalIdProblem.WrongLength, NationalId.Check(value, Today, out _));
    }

    [Theory]
    [InlineData("3415221985031700A1")]
    [InlineData("X41522198503170011")]
    [InlineData("34152219850317001Y")]
    public void Not_digits(string value)
    {
        Assert.Equal(NationalIdProblem.NotDigits, NationalId.Check(value, Today, out _));
    }

    [Fact]
    public void Bad_check_character()
    {
        var valid = WithCheck("34152219850317001");
        var wrong = valid[17] == '0' ? '1' : '0';

        Assert.Equal(NationalIdProblem.BadCheckDigit, NationalId.Check(valid[..17] + wrong, Today, out _));
    }

    [Theory]
    [InlineData("34152219900230001")] // 30 February
    [InlineData("34152219851301001")] // month 13
    [InlineData("34152220250602001")] // the day after today
    [InlineData("34152218991231001")] // before 1900
    public void Bad_birth_date(string first17)
    {
        Assert.Equal(NationalIdProblem.BadBirthDate, NationalId.Check(WithCheck(first17), Today, out var facts));
        Assert.Equal(default, facts);
    }

    [Fact]
    public void Mask_keeps_first_six_and_last_four()
    {
        Assert.Equal("110105********002X", NationalId.Mask("11010519491231002X"));
    }

    [Fact]
    public void Mask_of_malformed_value_hides_everything()
    {
        Assert.Equal(new string('*', 18), NationalId.Mask("123"));
    }
}
