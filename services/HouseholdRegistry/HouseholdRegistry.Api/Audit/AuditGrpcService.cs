using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Helpers;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Audit;

/// <summary>The audit trail of a household or helper, for auditors and county-or-higher officers; reading it is audited too.</summary>
public sealed class AuditGrpcService(RegistryDbContext db) : AuditService.AuditServiceBase
{
    [Allow(Roles.Auditor | Roles.CountyOfficer | Roles.CityOfficer | Roles.ProvincialOfficer, "read audit trails")]
    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();

        var violations = new FieldViolations();
        violations.Check(request.EntityType.Length > 0, "entity_type", "must be \"household\" or \"helper\"");
        var id = Ids.Require(request.EntityId, violations, "entity_id");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();

        var region = request.EntityType == "household"
            ? await db.Households.Where(h => h.Id == id).Select(h => h.RegionCode).FirstOrDefaultAsync(context.CancellationToken)
            : await db.Helpers.Where(h => h.Id == id).Select(h => h.RegionCode).FirstOrDefaultAsync(context.CancellationToken);
        if (region is null || !caller.CanSee(RegionCode.Parse(region)))
        {
            throw RpcErrors.NotFound($"{request.EntityType} {id}");
        }

        var entityId = id.ToString();
        var query = db.AuditRecords.AsNoTracking().Where(a => a.EntityType == request.EntityType && a.EntityId == entityId);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(a => after == null || a.Id > after).OrderBy(a => a.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);

        db.Audit(context, "audit.read", request.EntityType, entityId);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListAuditRecordsResponse { Page = Paging.Response(rows, page, total, a => a.Id.ToString(CultureInfo.InvariantCulture)) };
        response.Records.AddRange(rows.Take(page.Size).Select(a => new AuditEntry
        {
            At = Timestamp.FromDateTime(a.At),
            Actor = a.Actor,
            ActorRole = a.ActorRole,
            ActorRegion = a.ActorRegion,
            Action = a.Action,
            EntityType = a.EntityType,
            EntityId = a.EntityId,
            Purpose = a.Purpose,
            TraceId = a.TraceId ?? "",
        }));
        return response;
    }
}
