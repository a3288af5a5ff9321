using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Portal.Officers;
using Platform.Portal.Services;

namespace Platform.Portal.Work;

/// <summary>
/// Reads the officer's work from the registry. The three sections are independent chains run at the same
/// time (the page's load time is measured); inside each chain the second round of calls depends on the
/// first (which villages have a notice up, which households are monitored) and also runs concurrently.
/// No region is passed: the registry lists within the officer's own scope.
/// </summary>
public sealed class WorkLoader(ServiceCalls calls, TimeProvider time)
{
    /// <summary>Cases shown per stage; the heading gives the service's total.</summary>
    public const int CasesPerStage = 100;

    /// <summary>Monitored households whose visits are read on one page load (one ListVisits call each).</summary>
    public const int MonitoredChecked = 25;

    /// <summary>Notices with open objections whose case is read for the objections' text.</summary>
    public const int ObjectionCasesRead = 20;

    /// <summary>Notices listed on the page, the most urgent first; the heading gives how many there are.</summary>
    public const int NoticesShown = 100;

    public async Task<MyWork> LoadAsync(Officer officer)
    {
        var options = await calls.AsOfficerAsync();
        var cases = LoadCasesAsync(officer, options);
        var notices = LoadNoticesAsync(officer, options);
        var visits = LoadVisitsAsync(options);
        await Task.WhenAll(cases, notices, visits);
        return new MyWork(await cases, await notices, await visits);
    }

    private async Task<CaseWork> LoadCasesAsync(Officer officer, CallOptions options)
    {
        var stages = WorkSteps.CaseStagesFor(officer.Role);
        var pages = await Task.WhenAll(stages.Select(async stage =>
        {
            var response = await calls.Identification.ListCasesAsync(new ListCasesRequest
            {
                Stage = stage,
                Outcome = CaseOutcome.Open,
                Page = new PageRequest { PageSize = CasesPerStage },
            }, options);
            return new StageCases(stage, response.Cases, response.Page?.TotalSize ?? response.Cases.Count);
        }));
        return new CaseWork(stages.Count > 0, pages);
    }

    private async Task<NoticeWork> LoadNoticesAsync(Officer officer, CallOptions options)
    {
        // How many notices are up: a case waits at a notice stage exactly while its notice is open.
        var counts = Task.WhenAll(WorkSteps.NoticeStages.Select(async stage =>
        {
            var response = await calls.Identification.ListCasesAsync(new ListCasesRequest
            {
                Stage = stage,
                Outcome = CaseOutcome.Open,
                Page = new PageRequest { PageSize = 1 },
            }, options);
            return new StageCount(stage, response.Page?.TotalSize ?? response.Cases.Count);
        }));
        var keeps = WorkSteps.KeepsNotices(officer.Role);
        var boards = keeps ? ReadBoardsAsync(officer, options) : Task.FromResult(new Boards([], 0, false));
        await Task.WhenAll(counts, boards);
        var read = await boards;

        // The board counts open objections; their text is in the case's archive.
        var objected = read.Notices.Where(n => n.OpenObjections > 0).Take(ObjectionCasesRead).ToList();
        var withCases = await Task.WhenAll(objected.Select(n => calls.Identification.GetCaseAsync(new GetCaseRequest { CaseId = n.CaseId }, options).ResponseAsync));
        var objections = objected.Zip(withCases).ToDictionary(
            p => p.First.NoticeId,
            p => (IReadOnlyList<Objection>)p.Second.Case.Notices.Where(n => n.NoticeId == p.First.NoticeId)
                .SelectMany(n => n.Objections).Where(o => o.Status == ObjectionStatus.Open).ToList());

        var today = VisitRule.Today(time);
        var rows = read.Notices.Select(n => new NoticeRow(
            n,
            objections.GetValueOrDefault(n.NoticeId, []),
            // CloseNotice accepts a notice on or after its end date with no open objection.
            n.OpenObjections == 0 && n.EndDate is { Year: > 0 } end && VisitRule.ToDate(end) <= today))
            // What needs the officer first: objections to resolve, then notices that may be closed, then by end date.
            .OrderByDescending(r => r.Notice.OpenObjections > 0)
            .ThenByDescending(r => r.MayCloseNow)
            .ThenBy(r => r.Notice.EndDate is { Year: > 0 } e ? VisitRule.ToDate(e) : DateOnly.MaxValue)
            .ToList();
        return new NoticeWork(keeps, await counts, rows.Take(NoticesShown).ToList(), rows.Count,
            rows.Count(r => r.Notice.OpenObjections > 0), rows.Count(r => r.MayCloseNow), read.Villages, read.Truncated);
    }

    private sealed record Boards(IReadOnlyList<NoticeEntry> Notices, int Villages, bool Truncated);

    /// <summary>
    /// The open notices on the boards of the officer's villages. ListNotices reads one village's board, so a
    /// township officer's villages with a notice up are found from the open cases at a notice stage.
    /// Only the notice keepers (village, township) read boards: a county has hundreds of villages.
    /// </summary>
    private async Task<Boards> ReadBoardsAsync(Officer officer, CallOptions options)
    {
        IReadOnlyList<string> villages = officer.Role == Platform.Security.PlatformRoles.VillageOfficer
            ? [officer.Region]
            : (await Task.WhenAll(WorkSteps.NoticeStages.Select(stage => NoticeVillagesAsync(stage, options))))
                .SelectMany(v => v).Distinct().Order().ToList();
        var boards = await Task.WhenAll(villages.Select(village => calls.Identification.ListNoticesAsync(new ListNoticesRequest
        {
            VillageCode = village,
            Status = NoticeStatus.Open,
            Page = new PageRequest { PageSize = 500 },
        }, options).ResponseAsync));
        return new Boards(
            boards.SelectMany(b => b.Notices).ToList(),
            boards.Count(b => b.Notices.Count > 0),
            boards.Any(b => !string.IsNullOrEmpty(b.Page?.NextPageToken)));
    }

    private async Task<IEnumerable<string>> NoticeVillagesAsync(CaseStage stage, CallOptions options)
    {
        var response = await calls.Identification.ListCasesAsync(new ListCasesRequest
        {
            Stage = stage,
            Outcome = CaseOutcome.Open,
            Page = new PageRequest { PageSize = 500 },
        }, options);
        return response.Cases.Select(c => c.RegionCode);
    }

    private async Task<VisitWork> LoadVisitsAsync(CallOptions options)
    {
        var monitored = await calls.Monitoring.ListMonitoredAsync(new ListMonitoredRequest
        {
            Page = new PageRequest { PageSize = MonitoredChecked },
        }, options);
        var visits = await Task.WhenAll(monitored.Households.Select(h => calls.Support.ListVisitsAsync(new ListVisitsRequest
        {
            HouseholdId = h.HouseholdId,
            Page = new PageRequest { PageSize = 10 },
        }, options).ResponseAsync));

        var today = VisitRule.Today(time);
        var due = monitored.Households.Zip(visits)
            .Select(p => new DueVisit(p.First, VisitRule.LastVisit(p.Second.Visits)))
            .Where(d => VisitRule.IsDue(d.LastVisit, today))
            // Never visited first, then the longest since.
            .OrderBy(d => d.LastVisit ?? DateOnly.MinValue)
            .ToList();
        return new VisitWork(due, monitored.Households.Count, monitored.Page?.TotalSize ?? monitored.Households.Count);
    }
}
