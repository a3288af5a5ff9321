using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Security;
using Platform.ServiceDefaults;
using RegionLevel = Platform.Security.RegionLevel;

namespace Platform.HouseholdRegistry.Regions;

/// <summary>Region nodes are public reference data: any authenticated caller may read them.</summary>
public sealed class RegionGrpcService(RegistryDbContext db) : RegionService.RegionServiceBase
{
    [Allow(Roles.Anyone, "read regions")]
    public override async Task<GetRegionResponse> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        if (!RegionCode.TryParse(request.Code, out var code))
        {
            throw RpcErrors.InvalidArgument("code", "must be a 12-digit region code");
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.Value, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"Region {code}");
        return new GetRegionResponse { Region = ToMessage(region) };
    }

    [Allow(Roles.Anyone, "list regions")]
    public override async Task<ListRegionsResponse> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        RegionCode parent = default;
        var hasParent = request.ParentCode.Length > 0;
        violations.Check(!hasParent || RegionCode.TryParse(request.ParentCode, out parent), "parent_code", "must be empty or a 12-digit region code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        violations.ThrowIfAny();

        var query = db.Regions.AsNoTracking();
        query = hasParent ? query.Where(r => r.ParentCode == parent.Value) : query.Where(r => r.Level == RegionLevel.Province);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.OrderBy(r => r.Code)
            .Where(r => page.After == null || string.Compare(r.Code, page.After) > 0)
            .Take(page.Size + 1)
            .ToListAsync(context.CancellationToken);

        var response = new ListRegionsResponse { Page = Paging.Response(rows, page, total, r => r.Code) };
        response.Regions.AddRange(rows.Take(page.Size).Select(ToMessage));
        return response;
    }

    private static Pa.Registry.V1.Region ToMessage(Region region) => new()
    {
        Code = region.Code,
        Name = region.Name,
        Level = (Pa.Common.V1.RegionLevel)region.Level,
        ParentCode = region.ParentCode ?? "",
    };
}
