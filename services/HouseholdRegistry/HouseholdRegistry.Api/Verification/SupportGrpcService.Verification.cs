using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Verification;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>Spot-check verification: inspectors record what a household said, and the mismatches are listed per region.</summary>
public sealed partial class SupportGrpcService
{
    [Allow(Roles.CountyOfficer | Roles.CityOfficer | Roles.ProvincialOfficer | Roles.Auditor, "record spot checks")]
    public override async Task<RecordVerificationResponse> RecordVerification(RecordVerificationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        var household = await SupportAccess.VisibleHouseholdAsync(db, caller, householdId, context, withMembers: true);
        var helperName = household.HelperId is { } helperId
            ? await db.Helpers.Where(h => h.Id == helperId).Select(h => h.Name).FirstOrDefaultAsync(context.CancellationToken)
            : null;
        var mismatches = VerificationRules.Compare(
            household.Members.Where(m => m.IsActive).OrderBy(m => m.Position).Select(m => m.Name).ToList(), helperName,
            request.MembersStated, request.HelperNameStated);

        var now = time.GetUtcNow().UtcDateTime;
        var verification = new HouseholdVerification
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = household.Id,
            VillageCode = household.RegionCode,
            Method = request.Method,
            InspectorName = request.InspectorName.Trim(),
            MembersStated = request.MembersStated.Select(m => m.Trim()).ToList(),
            HelperNameStated = request.HelperNameStated.Trim(),
            Notes = request.Notes.Trim(),
            Mismatches = mismatches.ToList(),
            MismatchCount = mismatches.Count,
            RecordedBy = caller.Subject,
            RecordedAt = now,
        };
        db.Verifications.Add(verification);
        db.Audit(context, "verification.record", HouseholdEntity, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordVerificationResponse { Verification = ToMessage(verification) };
    }

    [Allow(Roles.Officers | Roles.Auditor, "list verification mismatches")]
    public override async Task<ListVerificationMismatchesResponse> ListVerificationMismatches(ListVerificationMismatchesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (region, page, after) = SupportAccess.ReadListing(caller, request.RegionCode, request.Page, context.Method);

        var prefix = region.SignificantPrefix;
        var query = db.Verifications.AsNoTracking().InRegion(v => v.VillageCode, prefix).Where(v => v.MismatchCount > 0);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(v => after == null || v.Seq < after).OrderByDescending(v => v.Seq).Take(page.Size + 1).ToListAsync(context.CancellationToken);

        db.Audit(context, "verification.list", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListVerificationMismatchesResponse { Page = Paging.Response(rows, page, total, v => v.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.Verifications.AddRange(rows.Take(page.Size).Select(ToMessage));
        return response;
    }

    private static Pa.Registry.V1.Verification ToMessage(HouseholdVerification v) => new()
    {
        VerificationId = v.Id.ToString(),
        HouseholdId = v.HouseholdId.ToString(),
        VillageCode = v.VillageCode,
        Method = v.Method,
        InspectorName = v.InspectorName,
        RecordedAt = Timestamp.FromDateTime(v.RecordedAt),
        Notes = v.Notes,
        Mismatches = { v.Mismatches.Select(m => new Mismatch { Kind = m.Kind, Detail = m.Detail }) },
    };
}
