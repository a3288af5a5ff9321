using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Relocation.Access;
using Platform.Relocation.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using V1 = Pa.Relocation.V1;
using Platform.Persistence;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// 产业带动: a moved-in household linked to a leading industry of the site it lives at. Only the
/// destination links; the link counts in the site's statistics.
/// </summary>
public sealed partial class FollowUpGrpcService
{
    [Allow(Roles.Recorders, "link households to industries")]
    public override async Task<V1.LinkIndustryResponse> LinkIndustry(V1.LinkIndustryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (householdId, industryId) = ParseLink(request.HouseholdId, request.IndustryId);

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.ManagedPlanAsync(db, caller, householdId, ct);
        RpcErrors.ThrowIfRefused(IndustryLinkRules.CheckMovedIn(plan.HasMovedIn));

        var industry = await db.Set<SiteIndustry>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == industryId, ct);
        var industrySite = industry is null ? null : await db.Set<Site>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == industry.SiteId, ct);
        if (industry is null || industrySite is null || !caller.CanSee(RegionCode.Parse(industrySite.RegionCode)))
        {
            throw RpcErrors.NotFound($"Industry {industryId}");
        }

        RpcErrors.ThrowIfRefused(IndustryLinkRules.CheckSameSite(industry.SiteId, plan.SiteId, industry.Name));

        if (await db.Set<IndustryLink>().AnyAsync(l => l.IndustryId == industryId && l.HouseholdId == householdId, ct))
        {
            throw RpcErrors.AlreadyExists($"The household is already linked to {industry.Name}.");
        }

        var link = new IndustryLink { IndustryId = industryId, HouseholdId = householdId, LinkedAt = Now, LinkedBy = caller.Subject };
        db.Add(link);
        db.Audit(context, "relocation.follow-up.industry.link", nameof(IndustryLink), $"{industryId}/{householdId}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A concurrent link won the key (industry, household).
            throw RpcErrors.AlreadyExists($"The household is already linked to {industry.Name}.");
        }

        return new V1.LinkIndustryResponse
        {
            Link = new V1.HouseholdIndustryLink
            {
                HouseholdId = householdId.ToString(),
                IndustryId = industryId.ToString(),
                IndustryName = industry.Name,
                SiteId = industry.SiteId.ToString(),
                LinkedAt = Timestamp.FromDateTime(link.LinkedAt),
                LinkedBy = link.LinkedBy,
            },
        };
    }

    [Allow(Roles.Recorders, "unlink households from industries")]
    public override async Task<V1.UnlinkIndustryResponse> UnlinkIndustry(V1.UnlinkIndustryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (householdId, industryId) = ParseLink(request.HouseholdId, request.IndustryId);

        var ct = context.CancellationToken;
        await RelocationAccess.ManagedPlanAsync(db, caller, householdId, ct);
        var link = await db.Set<IndustryLink>().FirstOrDefaultAsync(l => l.IndustryId == industryId && l.HouseholdId == householdId, ct)
            ?? throw RpcErrors.NotFound($"Link of household {householdId} to industry {industryId}");
        db.Remove(link);
        db.Audit(context, "relocation.follow-up.industry.unlink", nameof(IndustryLink), $"{industryId}/{householdId}");
        await db.SaveChangesAsync(ct);
        return new V1.UnlinkIndustryResponse();
    }

    private static (Guid HouseholdId, Guid IndustryId) ParseLink(string householdId, string industryId)
    {
        var violations = new FieldViolations();
        var ids = (Ids.Require(householdId, violations, "household_id"), Ids.Require(industryId, violations, "industry_id"));
        violations.ThrowIfAny();
        return ids;
    }
}
