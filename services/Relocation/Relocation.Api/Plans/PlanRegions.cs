using System.Linq.Expressions;
using Platform.Persistence;
using Platform.Security;

namespace Platform.Relocation.Plans;

/// <summary>Plans by region on either side of the move, as ranges of codes (see <see cref="RegionQueries"/>).</summary>
public static class PlanRegions
{
    /// <summary>
    /// The plans whose origin or site lies in <paramref name="region"/>: the two ranges joined by OR,
    /// which every provider answers from the two region indexes together (SQLite's multi-index OR,
    /// PostgreSQL's BitmapOr) instead of reading every plan.
    /// </summary>
    public static IQueryable<RelocationPlan> FromOrToRegion(this IQueryable<RelocationPlan> plans, RegionCode region)
    {
        var plan = Expression.Parameter(typeof(RelocationPlan), "p");
        var origin = RegionQueries.Within(Code(plan, nameof(RelocationPlan.OriginRegionCode)), region.SignificantPrefix);
        var site = RegionQueries.Within(Code(plan, nameof(RelocationPlan.SiteRegionCode)), region.SignificantPrefix);
        return plans.Where(Expression.Lambda<Func<RelocationPlan, bool>>(Expression.OrElse(origin.Body, site.Body), plan));
    }

    private static Expression<Func<RelocationPlan, string>> Code(ParameterExpression plan, string property) =>
        Expression.Lambda<Func<RelocationPlan, string>>(Expression.Property(plan, property), plan);
}
