using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Relocation.Access;
using Platform.Security;
using Platform.ServiceDefaults;
using Platform.Persistence;

namespace Platform.Relocation.Sites;

/// <summary>Changes to a site, by village, township and county officers whose region covers it.</summary>
public sealed partial class SiteGrpcService
{
    [Allow(Roles.Recorders, "add housing units")]
    public override async Task<AddHousingUnitsResponse> AddHousingUnits(AddHousingUnitsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var siteId = Ids.Require(request.SiteId, violations, "site_id");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var units = request.Units.Select((u, i) =>
        {
            var number = violations.NotBlank(u.Number, $"units[{i}].number");
            violations.Check(number.Length == 0 || seen.Add(number), $"units[{i}].number", $"{number} appears twice in the batch");
            return (Index: i, Number: number, u.AreaSqmHundredths);
        }).ToList();
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        var existing = (await db.Set<HousingUnit>().Where(u => u.SiteId == siteId).Select(u => u.Number).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units.Where(u => existing.Contains(u.Number)))
        {
            violations.Add($"units[{unit.Index}].number", $"{unit.Number} already exists at the site");
        }

        violations.ThrowIfAny();
        foreach (var unit in units)
        {
            db.Add(new HousingUnit { Id = Guid.CreateVersion7(), SiteId = site.Id, Number = unit.Number, AreaSqm = SiteMapping.FromHundredths(unit.AreaSqmHundredths) });
        }

        db.Audit(context, "relocation.site.units.add", nameof(Site), site.Id);
        await SaveOnceAsync("Units were just added to this site by someone else; read the site and retry.", ct);
        return new AddHousingUnitsResponse { Site = await SiteMessageAsync(site.Id, ct) };
    }

    [Allow(Roles.Recorders, "set a site's public services")]
    public override async Task<SetPublicServicesResponse> SetPublicServices(SetPublicServicesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var siteId = Ids.Require(request.SiteId, "site_id");

        var ct = context.CancellationToken;
        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        site.Services = request.PublicServices.ToEntity();
        db.Audit(context, "relocation.site.services.set", nameof(Site), site.Id);
        await db.SaveChangesAsync(ct);
        return new SetPublicServicesResponse { Site = await SiteMessageAsync(site.Id, ct) };
    }

    [Allow(Roles.Recorders, "add leading industries")]
    public override async Task<AddLeadingIndustryResponse> AddLeadingIndustry(AddLeadingIndustryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var siteId = Ids.Require(request.SiteId, violations, "site_id");
        var name = violations.NotBlank(request.Name, "name");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        var names = await db.Set<SiteIndustry>().Where(i => i.SiteId == siteId).Select(i => i.Name).ToListAsync(ct);
        var duplicate = $"The site already has the leading industry {name}.";
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw RpcErrors.AlreadyExists(duplicate);
        }

        db.Add(new SiteIndustry { Id = Guid.CreateVersion7(), SiteId = site.Id, Name = name, AddedAt = Now });
        db.Audit(context, "relocation.site.industry.add", nameof(Site), site.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A concurrent call won the unique index (site, name).
            throw RpcErrors.AlreadyExists(duplicate);
        }

        return new AddLeadingIndustryResponse { Site = await SiteMessageAsync(site.Id, ct) };
    }

    [Allow(Roles.Recorders, "name a site's case officer")]
    public override async Task<SetCaseOfficerResponse> SetCaseOfficer(SetCaseOfficerRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var siteId = Ids.Require(request.SiteId, violations, "site_id");
        var (subject, name) = SiteValidation.CaseOfficer(request.CaseOfficer, violations, "case_officer");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        (site.CaseOfficerSubject, site.CaseOfficerName) = (subject, name);
        db.Audit(context, "relocation.site.case-officer.set", nameof(Site), site.Id);
        await db.SaveChangesAsync(ct);
        return new SetCaseOfficerResponse { Site = await SiteMessageAsync(site.Id, ct) };
    }

    [Allow(Roles.Recorders, "change a site's capacity")]
    public override async Task<UpdateCapacityResponse> UpdateCapacity(UpdateCapacityRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var siteId = Ids.Require(request.SiteId, violations, "site_id");
        SiteValidation.Capacity(request.CapacityHouseholds, request.CapacityPeople, violations);
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        var occupancy = await SiteOccupancies.OfAsync(db, site.Id, ct);
        RpcErrors.ThrowIfRefused(SiteCapacity.CheckChange(request.CapacityHouseholds, request.CapacityPeople, occupancy));

        (site.CapacityHouseholds, site.CapacityPeople) = (request.CapacityHouseholds, request.CapacityPeople);
        db.Audit(context, "relocation.site.capacity.update", nameof(Site), site.Id);
        await db.SaveChangesAsync(ct);
        return new UpdateCapacityResponse { Site = await SiteMessageAsync(site.Id, ct) };
    }

    private async Task SaveOnceAsync(string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation() || ex.IsConcurrencyConflict())
        {
            throw RpcErrors.Aborted(conflict);
        }
    }
}
