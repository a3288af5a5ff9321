using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;

namespace Platform.HouseholdRegistry.KeyRotation;

/// <summary>A stored value and the primary key (as text) of its row.</summary>
public sealed record EncryptedValue(string Key, string Cipher);

/// <summary>
/// A column holding values encrypted with the personal-data key ring: its rows after a position in
/// primary-key order, and the rewrite of one value, only if it is still the one read.
/// </summary>
public sealed record EncryptedColumn(
    string Name,
    Func<RegistryDbContext, string?, int, CancellationToken, Task<List<EncryptedValue>>> NextAsync,
    Func<RegistryDbContext, EncryptedValue, string, CancellationToken, Task<int>> RewriteAsync);

/// <summary>
/// Every encrypted column of the registry. A key may leave the ring only once all of them are moved
/// off it. Each query has two shapes rather than "@after IS NULL OR key > @after", on which no
/// database seeks the key.
/// </summary>
public static class EncryptedColumns
{
    public static readonly EncryptedColumn MemberNationalIds = new(
        "members-national-id",
        async (db, after, count, ct) =>
        {
            var rows = after is null ? db.Members : db.Members.Where(m => m.Id > Guid.Parse(after));
            var page = await rows.OrderBy(m => m.Id).Take(count).Select(m => new { m.Id, m.NationalIdCipher }).ToListAsync(ct);
            return page.ConvertAll(r => new EncryptedValue(r.Id.ToString(), r.NationalIdCipher));
        },
        (db, value, moved, ct) => db.Members.Where(m => m.Id == Guid.Parse(value.Key) && m.NationalIdCipher == value.Cipher)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NationalIdCipher, moved), ct));

    public static readonly EncryptedColumn HelperPhones = new(
        "helpers-phone",
        async (db, after, count, ct) =>
        {
            var rows = after is null ? db.Helpers : db.Helpers.Where(h => h.Seq > long.Parse(after, CultureInfo.InvariantCulture));
            var page = await rows.OrderBy(h => h.Seq).Take(count).Select(h => new { h.Seq, h.PhoneCipher }).ToListAsync(ct);
            return page.ConvertAll(r => new EncryptedValue(r.Seq.ToString(CultureInfo.InvariantCulture), r.PhoneCipher));
        },
        (db, value, moved, ct) => db.Helpers.Where(h => h.Seq == long.Parse(value.Key, CultureInfo.InvariantCulture) && h.PhoneCipher == value.Cipher)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.PhoneCipher, moved), ct));

    public static readonly EncryptedColumn RollHeadNationalIds = new(
        "assistance-roll-head-national-id",
        async (db, after, count, ct) =>
        {
            var rows = after is null ? db.AssistanceRollEntries : db.AssistanceRollEntries.Where(e => e.Seq > long.Parse(after, CultureInfo.InvariantCulture));
            var page = await rows.OrderBy(e => e.Seq).Take(count).Select(e => new { e.Seq, e.HeadNationalIdCipher }).ToListAsync(ct);
            return page.ConvertAll(r => new EncryptedValue(r.Seq.ToString(CultureInfo.InvariantCulture), r.HeadNationalIdCipher));
        },
        (db, value, moved, ct) => db.AssistanceRollEntries.Where(e => e.Seq == long.Parse(value.Key, CultureInfo.InvariantCulture) && e.HeadNationalIdCipher == value.Cipher)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HeadNationalIdCipher, moved), ct));

    public static readonly IReadOnlyList<EncryptedColumn> All = [MemberNationalIds, HelperPhones, RollHeadNationalIds];
}
