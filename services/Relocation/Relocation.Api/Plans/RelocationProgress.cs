namespace Platform.Relocation.Plans;

/// <summary>
/// The order of a relocation (planned → moved in → old homestead reclaimed, 拆旧复垦): each step
/// is recorded once and only after the one before. Each rule returns null when the step is allowed,
/// or the reason it is not.
/// </summary>
public static class RelocationProgress
{
    /// <summary>A move-in is recorded once, on a planned relocation.</summary>
    public static string? CheckMoveIn(RelocationStage stage, DateOnly? movedInOn) =>
        stage == RelocationStage.Planned ? null : $"The household already moved in on {movedInOn:yyyy-MM-dd}.";

    /// <summary>The old homestead is reclaimed after the move, and once.</summary>
    public static string? CheckReclamation(RelocationStage stage, DateOnly? reclaimedOn) => stage switch
    {
        RelocationStage.MovedIn => null,
        RelocationStage.Planned => "The household has not moved in yet; its old homestead is reclaimed after the move.",
        _ => $"The old homestead was already reclaimed on {reclaimedOn:yyyy-MM-dd}.",
    };

    /// <summary>A plan is withdrawn only before the move: a family that moved in keeps its plan and its follow-up.</summary>
    public static string? CheckCancellation(RelocationStage stage, DateOnly? movedInOn) =>
        stage == RelocationStage.Planned ? null : $"The household moved in on {movedInOn:yyyy-MM-dd}; a plan is withdrawn only before the move.";
}
