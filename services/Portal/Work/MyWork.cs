using Pa.Registry.V1;

namespace Platform.Portal.Work;

/// <summary>What /work shows: three sections, each read from the registry as the signed-in officer.</summary>
public sealed record MyWork(CaseWork Cases, NoticeWork Notices, VisitWork Visits);

/// <summary>Open cases at one stage the officer's role owns; <see cref="Total"/> is the service's count, Cases its first page.</summary>
public sealed record StageCases(CaseStage Stage, IReadOnlyList<Case> Cases, int Total);

public sealed record CaseWork(bool TakesSteps, IReadOnlyList<StageCases> Stages);

/// <summary>An open notice with the objections still open on it (read from the case only when the board counts some).</summary>
public sealed record NoticeRow(NoticeEntry Notice, IReadOnlyList<Objection> OpenObjections, bool MayCloseNow);

/// <summary>Open notices at one notice stage under the officer's region (the service's count).</summary>
public sealed record StageCount(CaseStage Stage, int Total);

/// <summary>
/// Notices running under the officer's region: counts for everyone; for the notice keepers (village and
/// township officers) also the notices on their villages' boards, the most urgent <see cref="Notices"/> of
/// <see cref="BoardTotal"/>, from <see cref="Villages"/> villages; of all those, <see cref="Objected"/> with open objections and <see cref="Closable"/> that may be closed now. <see cref="Truncated"/>: a board had more than a page.
/// </summary>
public sealed record NoticeWork(bool KeepsNotices, IReadOnlyList<StageCount> Running, IReadOnlyList<NoticeRow> Notices, int BoardTotal, int Objected, int Closable, int Villages, bool Truncated);

public sealed record DueVisit(MonitoredHousehold Household, DateOnly? LastVisit);

/// <summary>Monitored households due a visit among the <see cref="Checked"/> newest of <see cref="Monitored"/>.</summary>
public sealed record VisitWork(IReadOnlyList<DueVisit> Due, int Checked, int Monitored);
