namespace Platform.Employment.Welfare;

/// <summary>How a public-welfare post is paid.</summary>
public enum PostPayBasis
{
    PerDay,
    PerTask,
}

public readonly record struct PostPay(int Units, long GrossFen, long AmountFen, bool Capped);

/// <summary>
/// The month's pay for a public-welfare post (公益性岗位): days × day rate or tasks × task rate, in
/// whole fen, never more than the month's cap so a post stays a supplementary income, not a salary.
/// The basis only names the unit; the arithmetic is the same.
/// </summary>
public static class PostPayCalculator
{
    public static PostPay Monthly(int units, long rateFen, long monthlyCapFen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        ArgumentOutOfRangeException.ThrowIfNegative(rateFen);
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyCapFen);
        // Checked: a wrapped product would be a negative gross that slips under the cap.
        var gross = checked(units * rateFen);
        return gross > monthlyCapFen ? new PostPay(units, gross, monthlyCapFen, true) : new PostPay(units, gross, gross, false);
    }
}
