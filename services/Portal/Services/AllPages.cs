using Pa.Common.V1;

namespace Platform.Portal.Services;

/// <summary>
/// Reads every page of a listing, one after another (a page token needs the page before), at the
/// largest page the services give (common.proto caps page_size at 500): fewest round trips.
/// </summary>
public static class AllPages
{
    public const int PageSize = 500;

    /// <param name="read">Reads the page for a request; returns its items and its page response.</param>
    public static async Task<List<T>> ReadAsync<T>(Func<PageRequest, Task<(IEnumerable<T> Items, PageResponse? Page)>> read)
    {
        var all = new List<T>();
        var token = "";
        do
        {
            var (items, page) = await read(new PageRequest { PageSize = PageSize, PageToken = token });
            all.AddRange(items);
            token = page?.NextPageToken ?? "";
        }
        while (token.Length > 0);

        return all;
    }
}
