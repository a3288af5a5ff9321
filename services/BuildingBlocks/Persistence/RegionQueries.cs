using System.Linq.Expressions;
using Platform.Security;

namespace Platform.Persistence;

/// <summary>
/// Rows of a region and everything below it, as a range of codes rather than a prefix match.
/// <para>
/// <c>code.StartsWith(prefix)</c> becomes <c>LIKE @p ESCAPE '\'</c>, which SQLite answers from an index
/// only for a case-insensitive (NOCASE) index and PostgreSQL only in the C locale or with
/// text_pattern_ops: otherwise every row of the table is read, for every listing of a county. All
/// region codes have 12 digits and a region's descendants share its significant prefix, so the same
/// rows are those between the prefix padded with 0s and with 9s: a range every provider answers
/// from an ordinary index on the code.
/// </para>
/// </summary>
public static class RegionQueries
{
    /// <summary>The rows whose <paramref name="code"/> lies in <paramref name="region"/> (the region itself included).</summary>
    public static IQueryable<T> InRegion<T>(this IQueryable<T> query, Expression<Func<T, string>> code, RegionCode region) =>
        query.Where(Within(code, region.SignificantPrefix));

    /// <summary>The rows whose <paramref name="code"/> starts with the significant prefix <paramref name="prefix"/>.</summary>
    public static IQueryable<T> InRegion<T>(this IQueryable<T> query, Expression<Func<T, string>> code, string prefix) =>
        query.Where(Within(code, prefix));

    /// <summary>The condition "<paramref name="code"/> lies under <paramref name="prefix"/>", to combine with others.</summary>
    public static Expression<Func<T, bool>> Within<T>(Expression<Func<T, string>> code, string prefix)
    {
        // Captured locals, so that EF sends them as parameters and reuses one plan for every region.
        var lowest = prefix.PadRight(12, '0');
        var highest = prefix.PadRight(12, '9');
        Expression<Func<string, bool>> between = c => string.Compare(c, lowest) >= 0 && string.Compare(c, highest) <= 0;
        var body = new Substitute(between.Parameters[0], code.Body).Visit(between.Body);
        return Expression.Lambda<Func<T, bool>>(body, code.Parameters);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
