using Platform.Security;

namespace Platform.Identity.Accounts;

/// <summary>The scopes a platform token can carry, and the rule for which of them a token gets.</summary>
public static class PlatformScopes
{
    /// <summary>The departments that push records or follow changes (数据比对).</summary>
    public static readonly IReadOnlyList<string> Departments = ["education", "health", "housing", "water", "civil-affairs", "human-resources"];

    public static readonly IReadOnlyList<string> All =
        [PlatformClaims.PersonalDataScope, .. Departments.Select(PlatformClaims.DepartmentScope)];

    public static IReadOnlyList<string> Split(string scopes) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first scope that is not a platform scope, or null.</summary>
    public static string? Unknown(IEnumerable<string> scopes) => scopes.FirstOrDefault(s => !All.Contains(s));

    /// <summary>
    /// The scopes a token gets: those asked for, each of which must be granted; when none are asked
    /// for, every granted scope except personal-data, which is only ever given when asked for by name.
    /// Returns null and the scope refused when one asked for is not granted.
    /// </summary>
    public static (IReadOnlyList<string>? Scopes, string? Refused) ForToken(IReadOnlyCollection<string> asked, IReadOnlyList<string> granted)
    {
        if (asked.Count == 0)
        {
            return (granted.Where(s => s != PlatformClaims.PersonalDataScope).ToList(), null);
        }

        var refused = asked.FirstOrDefault(s => !granted.Contains(s));
        return refused is null ? (asked.ToList(), null) : (null, refused);
    }
}
