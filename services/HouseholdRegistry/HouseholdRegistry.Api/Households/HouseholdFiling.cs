using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Households;

/// <summary>Creating a household file from a validated form: shared by applications and households filed for monitoring.</summary>
internal static class HouseholdFiling
{
    /// <summary>The household with its members; national IDs encrypted, found later through <paramref name="hashes"/>.</summary>
    public static Household Create(
        Pa.Registry.V1.CreateHouseholdApplicationRequest request,
        IReadOnlyList<ValidMember> members,
        IReadOnlyList<string> hashes,
        Pa.Registry.V1.HouseholdStatus status,
        string by,
        DateTime now,
        PersonalDataProtector protector) => new()
    {
        Id = Guid.CreateVersion7(),
        RegionCode = request.RegionCode,
        Address = request.Address.Trim(),
        Status = status,
        PrimaryCause = request.PrimaryCause,
        OtherCauses = request.OtherCauses.Distinct().ToList(),
        DeclaredIncomePerCapitaFen = request.DeclaredIncomePerCapita?.Fen ?? 0,
        AppliedAt = now,
        AppliedBy = by,
        Pathway = request.Pathway,
        Facts = request.Facts?.Clone() ?? new Pa.Registry.V1.HouseholdFacts(),
        PlannedExitYear = request.PlannedExitYear == 0 ? null : request.PlannedExitYear,
        Members = members.Select((m, i) => NewMember(m, i, hashes[i], protector)).ToList(),
    };

    /// <summary>A member at <paramref name="position"/> on the form, its national ID encrypted.</summary>
    public static Member NewMember(ValidMember m, int position, string hash, PersonalDataProtector protector) => new()
    {
        Id = Guid.CreateVersion7(),
        Position = position,
        Name = m.Input.Name.Trim(),
        NationalIdCipher = protector.Encrypt(m.Id.Normalized),
        NationalIdHash = hash,
        Relationship = m.Input.Relationship,
        Sex = m.Input.Sex,
        BirthDate = m.Id.BirthDate,
        Health = m.Input.Health,
        DisabilityGrade = m.Input.DisabilityGrade,
        LabourCapacity = m.Input.LabourCapacity,
        Schooling = m.Input.Schooling,
    };

    /// <summary>
    /// The village a household is filed in: inside the caller's region (PermissionDenied otherwise: the
    /// caller named it) and known to the registry (InvalidArgument on <paramref name="field"/>).
    /// </summary>
    public static async Task<RegionCode> FilingVillageAsync(RegistryDbContext db, Caller caller, string regionCode, string field, CancellationToken cancellationToken)
    {
        var village = RegionCode.Parse(regionCode);
        if (!caller.CanSee(village))
        {
            throw RpcErrors.PermissionDenied($"Region {village} is outside your region {caller.Region}.");
        }

        if (!await db.Regions.AnyAsync(r => r.Code == village.Value && r.Level == RegionLevel.Village, cancellationToken))
        {
            throw RpcErrors.InvalidArgument(field, "is not a village known to the registry");
        }

        return village;
    }

    /// <summary>
    /// Saves a change that makes the people of <paramref name="hashes"/> active members: a new household
    /// file or members joining one. <see cref="EnsureNotActiveElsewhereAsync"/> before it is only a check:
    /// two filings of one person at once both pass it, and the unique index on active members' national
    /// IDs (IX_Members_ActiveNationalId) refuses the second save. Its caller then hears AlreadyExists
    /// naming the member, as if the check had caught it; a household changed meanwhile is Aborted.
    /// </summary>
    public static async Task SaveActiveMembersAsync(RegistryDbContext db, List<string> hashes, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            await EnsureNotActiveElsewhereAsync(db, hashes, CancellationToken.None);
            throw RpcErrors.AlreadyExists("A member was filed into another household at the same time.");
        }
        catch (DbUpdateException ex) when (ex.IsConcurrencyConflict())
        {
            throw RpcErrors.Aborted("The household was changed by someone else at the same time; read it again and retry.");
        }
    }

    /// <summary>One person may be an active member of one household only; names the first member who already is.</summary>
    public static async Task EnsureNotActiveElsewhereAsync(RegistryDbContext db, List<string> hashes, CancellationToken cancellationToken)
    {
        var taken = await db.Members.Where(m => m.IsActive && hashes.Contains(m.NationalIdHash))
            .Select(m => m.NationalIdHash).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw RpcErrors.AlreadyExists($"members[{hashes.IndexOf(taken)}].national_id is already an active member of another household.");
        }
    }
}
