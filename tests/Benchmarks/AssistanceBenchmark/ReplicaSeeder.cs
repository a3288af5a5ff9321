using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Platform.Security;

namespace Platform.Benchmarks.Assistance;

/// <summary>A household the benchmark pushes a department record for: its id and its head's national ID.</summary>
public sealed record PushTarget(Guid HouseholdId, string HeadNationalId);

/// <summary>
/// Writes the assistance service's replica directly (what the registry's HouseholdRegistered events
/// would have built), in one transaction per 10,000 households: the benchmark measures the push and
/// the recomputation, not the seeding.
/// </summary>
public static class ReplicaSeeder
{
    public const string County = "341522";

    /// <summary>Generated households: a head and a spouse each, spread over 20 townships of 15 villages.</summary>
    public static IEnumerable<(PushTarget Target, string Region, (Guid Id, string NationalId, string Relationship, string Sex, DateOnly Birth)[] Members)> Generate(int households)
    {
        for (var i = 0; i < households; i++)
        {
            var region = $"{County}{100 + i % 20:000}{201 + i / 20 % 15:000}";
            var headBirth = new DateOnly(1960, 1, 1).AddDays(i % 7300);
            var spouseBirth = new DateOnly(1961, 1, 1).AddDays(i % 7300);
            var order = i / 7300 % 500;
            var head = NationalIdFor(region, headBirth, order * 2 + 1);
            var spouse = NationalIdFor(region, spouseBirth, order * 2);
            var id = new Guid($"00000000-0000-7000-8000-{i:x12}");
            yield return (new PushTarget(id, head), region,
            [
                (new Guid($"00000001-0000-7000-8000-{i:x12}"), head, "Head", "Male", headBirth),
                (new Guid($"00000002-0000-7000-8000-{i:x12}"), spouse, "Spouse", "Female", spouseBirth),
            ]);
        }
    }

    public static string NationalIdFor(string region, DateOnly birth, int order)
    {
        var first17 = $"{region[..6]}{birth:yyyyMMdd}{order:000}";
        return first17 + NationalId.CheckCharacterFor(first17);
    }

    public static PersonalDataProtector Protector(string encryptionKey, string lookupKey) =>
        new(Options.Create(new PersonalDataOptions { EncryptionKey = encryptionKey, LookupKey = lookupKey }));

    /// <summary>Inserts replica rows; <paramref name="households"/> carry the lookup hashes already computed.</summary>
    public static void Write(string databasePath, IEnumerable<(Guid Id, string Region, (Guid Id, string Lookup, string Relationship, string Sex, DateOnly Birth)[] Members)> households, DateTime registeredAt)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        SqliteTransaction? transaction = null;
        SqliteCommand? household = null, member = null;
        var count = 0;
        foreach (var h in households)
        {
            if (count % 10_000 == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                household = connection.CreateCommand();
                household.Transaction = transaction;
                household.CommandText = """
                    INSERT INTO Households (Id, RegionCode, Status, StatusAsOf, RegisteredAt, Pathway, MonitoringCategory, MembersAsOf)
                    VALUES ($id, $region, 'Registered', $at, $at, 'ProductionAndEmployment', 'None', $at)
                    """;
                member = connection.CreateCommand();
                member.Transaction = transaction;
                member.CommandText = """
                    INSERT INTO Members (Id, HouseholdId, Relationship, Sex, BirthDate, Health, DisabilityGrade, LabourCapacity, Schooling, NationalIdLookup, IsCurrent)
                    VALUES ($id, $household, $relationship, $sex, $birth, 'Healthy', 0, 'Normal', 'Completed', $lookup, 1)
                    """;
            }

            household!.Parameters.Clear();
            household.Parameters.AddWithValue("$id", Text(h.Id));
            household.Parameters.AddWithValue("$region", h.Region);
            household.Parameters.AddWithValue("$at", registeredAt);
            household.ExecuteNonQuery();
            foreach (var m in h.Members)
            {
                member!.Parameters.Clear();
                member.Parameters.AddWithValue("$id", Text(m.Id));
                member.Parameters.AddWithValue("$household", Text(h.Id));
                member.Parameters.AddWithValue("$relationship", m.Relationship);
                member.Parameters.AddWithValue("$sex", m.Sex);
                member.Parameters.AddWithValue("$birth", m.Birth);
                member.Parameters.AddWithValue("$lookup", m.Lookup);
                member.ExecuteNonQuery();
            }

            count++;
        }

        transaction?.Commit();
        transaction?.Dispose();
    }

    /// <summary>How EF Core's SQLite provider stores a Guid.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
