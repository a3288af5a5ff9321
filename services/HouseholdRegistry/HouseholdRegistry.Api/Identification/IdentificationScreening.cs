using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>Runs 五不录 where the issue asks for it: when the case opens with the application, and when facts are cross-checked.</summary>
public static class IdentificationScreening
{
    /// <summary>Opens the identification case of a new application; a hit on the declared facts excludes it at once.</summary>
    public static Case OpenAtApplication(Household household, Caller caller, DateTime now, RegistryDbContext db, string purpose)
    {
        var actor = StepActor.Of(caller);
        var @case = CaseProcedure.Open(household, CaseKind.Identification, actor, now);
        Screen(@case, actor, now, db, caller, purpose);
        return @case;
    }

    /// <summary>Excludes the open identification case when a hit no override covers is found; returns those hits.</summary>
    public static IReadOnlyList<FiveExclusionHit> Screen(Case @case, StepActor actor, DateTime now, RegistryDbContext db, Caller caller, string purpose)
    {
        var hits = CaseProcedure.UncoveredHits(@case.Household);
        if (hits.Count > 0 && @case.IsOpen && @case.Kind == CaseKind.Identification)
        {
            CaseProcedure.Exclude(@case, hits, actor, now);
            db.Record(caller, "case.exclude", "case", @case.Id.ToString(), purpose, now, CallContextExtensions.TraceId);
        }

        return hits;
    }
}
