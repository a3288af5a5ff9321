using Grpc.Core;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Read;

/// <summary>
/// The two writes of an officer's day on the same server and database: a new application, and a
/// person joining a registered household as a child (ChangeMembers), each with people no earlier run filed
/// (<see cref="FreshHouseholds"/>), so no call is refused as a duplicate. Every call
/// commits, so the database grows by what the phases file.
/// </summary>
public static class WritePhases
{
    public const int Clients = 4;
    private const double TargetP99Ms = 20;

    public static async Task<PhaseFigures[]> RunAsync(RegistryServer server, string databasePath, DatabaseSample sample, TimeSpan duration)
    {
        var households = new HouseholdService.HouseholdServiceClient(server.Channel);
        var headers = server.CountyOfficer();
        var registered = sample.Households.Where(h => h.Status == HouseholdStatus.Registered).ToArray();
        using var fresh = new FreshHouseholds(databasePath);
        var before = fresh.Drawn;
        CreateHouseholdApplicationRequest Next() => fresh.Next();

        Task Apply(Random _)
        {
            var application = Next();

            // Imported households may have exit years in the past; an application may not.
            application.PlannedExitYear = DateTime.UtcNow.Year + 1;
            return households.CreateHouseholdApplicationAsync(application, headers, DateTime.UtcNow.AddSeconds(10)).ResponseAsync;
        }

        Task AddMember(Random random)
        {
            var member = Next().Members[^1];
            member.Relationship = Relationship.Child;
            var request = new ChangeMembersRequest { HouseholdId = registered[random.Next(registered.Length)].Id, Add = { member } };
            return households.ChangeMembersAsync(request, headers, DateTime.UtcNow.AddSeconds(10)).ResponseAsync;
        }

        var figures = new List<PhaseFigures>();
        foreach (var (name, call) in new (string, Func<Random, Task>)[] { ("CreateHouseholdApplication", Apply), ("ChangeMembers (add)", AddMember) })
        {
            try
            {
                await LoadPhase.RunAsync("warm-up", Clients, TimeSpan.FromSeconds(1), call);
                figures.Add(await LoadPhase.RunAsync(name, Clients, duration, call));
            }
            finally
            {
                fresh.Save();
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Writes: {Clients} clients, a county officer; fresh households {before:N0}–{fresh.Drawn:N0} of the generator's (the earlier ones were drawn by earlier runs).");
        Program.PrintHeader();
        foreach (var f in figures)
        {
            Program.Print(f, $"   (p99 ≤ {TargetP99Ms} ms: {(f.P99Ms <= TargetP99Ms ? "met" : "MISSED")})");
        }

        return [.. figures];
    }
}
