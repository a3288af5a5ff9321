using System.Diagnostics;
using System.Net;

namespace Platform.Benchmarks.Portal;

/// <summary>One page to time: what it is, where, and the markup that proves it is that page with its data.</summary>
public sealed record PageToTime(string Name, string Path, string Expected);

/// <summary>
/// The figures of one page: load times (a load is the GET and the whole body, redirects included),
/// the page's size, and the loads that failed (not 200, or without the expected markup).
/// <see cref="Missing"/>: the portal has no such page (404 on the first load).
/// </summary>
public sealed record PageFigures(PageToTime Page, IReadOnlyList<double> Millis, long Bytes, int Failed, string? FirstFailure, bool Missing)
{
    public double Percentile(double p)
    {
        if (Millis.Count == 0)
        {
            return double.NaN;
        }

        // Nearest rank: p99 of 50 loads is the 50th, i.e. the slowest but for none.
        var sorted = Millis.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

public static class PageTimer
{
    /// <summary>Warm-up loads first (not counted: the first loads fill the portal's and services' caches), then <paramref name="loads"/> one after another.</summary>
    public static async Task<PageFigures> TimeAsync(PortalBrowser browser, Uri portal, PageToTime page, int warmUp, int loads, CancellationToken ct)
    {
        var url = new Uri(portal, page.Path);
        var first = await browser.GetAsync(url, ct);
        if (first.Status == HttpStatusCode.NotFound)
        {
            return new PageFigures(page, [], first.Bytes, 0, null, Missing: true);
        }

        for (var i = 1; i < warmUp; i++)
        {
            await browser.GetAsync(url, ct);
        }

        var millis = new List<double>(loads);
        long bytes = 0;
        var failed = 0;
        string? firstFailure = null;
        for (var i = 0; i < loads; i++)
        {
            var watch = Stopwatch.StartNew();
            var answer = await browser.GetAsync(url, ct);
            watch.Stop();
            millis.Add(watch.Elapsed.TotalMilliseconds);
            bytes = answer.Bytes;
            var why = answer.Status != HttpStatusCode.OK ? $"{(int)answer.Status} at {answer.Url}"
                : !answer.Html.Contains(page.Expected, StringComparison.Ordinal) ? $"no {page.Expected} in the page"
                : null;
            if (why is not null)
            {
                failed++;
                firstFailure ??= why;
            }
        }

        return new PageFigures(page, millis, bytes, failed, firstFailure, Missing: false);
    }
}
