using Platform.Security;

namespace Platform.ServiceDefaults;

/// <summary>The platform roles as flags, so an RPC can name the set of roles it admits in an attribute.</summary>
[Flags]
public enum Roles
{
    None = 0,
    VillageOfficer = 1,
    TownshipOfficer = 2,
    CountyOfficer = 4,
    CityOfficer = 8,
    ProvincialOfficer = 16,
    DepartmentClient = 32,
    Auditor = 64,
    Operator = 128,

    /// <summary>Officers who record what they find on the ground: village, township and county.</summary>
    Recorders = VillageOfficer | TownshipOfficer | CountyOfficer,

    /// <summary>Officers of every level.</summary>
    Officers = Recorders | CityOfficer | ProvincialOfficer,

    /// <summary>Officers, auditors and department clients: everyone who reads records within a region.</summary>
    Readers = Officers | Auditor | DepartmentClient,

    /// <summary>Everyone with a platform token; for calls that read nothing about a household.</summary>
    Anyone = Readers | Operator,
}

/// <summary>
/// Who may call an RPC, declared on its handler method: the roles admitted and what the call does,
/// in words for the refusal ("The role auditor may not approve industry projects."). The
/// <see cref="CallerInterceptor"/> enforces it before the request is validated or the handler runs,
/// and refuses any RPC of ours that declares nothing. Record-level rules (region scope, the step a
/// role takes in a case, a department's scope) stay with the handler, which knows the record.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllowAttribute(Roles roles, string action) : Attribute
{
    public Roles Roles { get; } = roles;

    public string Action { get; } = action;

    public bool Admits(string role) => (Roles & RoleFlags.Of(role)) != Roles.None;
}

public static class RoleFlags
{
    /// <summary>The flag of a platform role name; None for a name that is not a platform role.</summary>
    public static Roles Of(string role) => role switch
    {
        PlatformRoles.VillageOfficer => Roles.VillageOfficer,
        PlatformRoles.TownshipOfficer => Roles.TownshipOfficer,
        PlatformRoles.CountyOfficer => Roles.CountyOfficer,
        PlatformRoles.CityOfficer => Roles.CityOfficer,
        PlatformRoles.ProvincialOfficer => Roles.ProvincialOfficer,
        PlatformRoles.DepartmentClient => Roles.DepartmentClient,
        PlatformRoles.Auditor => Roles.Auditor,
        PlatformRoles.Operator => Roles.Operator,
        _ => Roles.None,
    };

    /// <summary>The role names a set admits, in the platform's order.</summary>
    public static IReadOnlyList<string> Names(Roles roles) => PlatformRoles.All.Where(r => (roles & Of(r)) != Roles.None).ToList();
}
