namespace Platform.Relocation.FollowUp;

/// <summary>A zero-employment case (零就业家庭) takes assignments and actions while open; once it closed by itself, it is a record.</summary>
public static class CaseRules
{
    /// <summary>Null for an open case (no closing time), else the reason a closed case takes no more changes.</summary>
    public static string? CheckOpen(DateTime? closedAt, CaseOutcome outcome) =>
        closedAt is null ? null : $"The case closed on {closedAt:yyyy-MM-dd} ({outcome}); a closed case takes no more changes.";
}
