using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Import;

/// <summary>Households as the national system exports them, and the streaming call that uploads them.</summary>
public static class Imports
{
    public static readonly DateTime RegisteredAt = new(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static int _people;

    /// <summary>A registered household of three in <paramref name="village"/>, with IDs no other test uses.</summary>
    public static ImportedHousehold Registered(string village) => new()
    {
        Application = Household(village),
        Status = HouseholdStatus.Registered,
        RegisteredAt = Timestamp.FromDateTime(RegisteredAt),
        IncomePerCapitaAtRegistration = new Money { Fen = 2_300_00 },
        CurrentIncomePerCapita = new Money { Fen = 5_100_00 },
        CurrentIncomeYear = 2019,
    };

    public static ImportedHousehold Exited(string village)
    {
        var household = Registered(village);
        household.Status = HouseholdStatus.Exited;
        household.ExitedAt = Timestamp.FromDateTime(new DateTime(2019, 12, 20, 0, 0, 0, DateTimeKind.Utc));
        return household;
    }

    /// <summary>
    /// A household of three like <see cref="Applications.Household"/>, with people of its own: the
    /// ID's region digits name Lu'an city (341500), so they never meet the IDs of
    /// <see cref="Applications"/>, and a counter spreads birth dates (1940 to 2008) and sequence
    /// numbers so thousands of households stay distinct without using up that class's dates.
    /// </summary>
    private static CreateHouseholdApplicationRequest Household(string village) => new()
    {
        RegionCode = village,
        Address = "七里棚村三组 12 号",
        PrimaryCause = PovertyCause.Illness,
        OtherCauses = { PovertyCause.LackOfFunds },
        DeclaredIncomePerCapita = new Money { Fen = 2_850_00 },
        Pathway = AssistancePathway.ProductionAndEmployment,
        Members =
        {
            Member("王建国", Relationship.Head, male: true, HealthStatus.Healthy, 0, LabourCapacity.Normal, SchoolingStatus.Completed),
            Member("李秀英", Relationship.Spouse, male: false, HealthStatus.ChronicIllness, 0, LabourCapacity.Weak, SchoolingStatus.Completed),
            Member("王小明", Relationship.Child, male: true, HealthStatus.Disability, 2, LabourCapacity.None, SchoolingStatus.InSchool),
        },
    };

    private static MemberInput Member(string name, Relationship relationship, bool male, HealthStatus health, int disabilityGrade, LabourCapacity labour, SchoolingStatus schooling)
    {
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1940, 1, 1).AddDays(n % 25_000);
        var first17 = $"341500{birth:yyyyMMdd}{n / 25_000 % 100:00}{(male ? 1 : 2)}";
        return new MemberInput
        {
            Name = name,
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = relationship,
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = birth.ToProto(),
            Health = health,
            DisabilityGrade = disabilityGrade,
            LabourCapacity = labour,
            Schooling = schooling,
        };
    }

    public static ImportHouseholdsRequest Header(string batchId, long registered = 0) =>
        new() { Header = new ImportHeader { BatchId = batchId, Source = "national-system", Registered = registered } };

    /// <summary>The header, then the households two to a message, so positions must count on across messages.</summary>
    public static IEnumerable<ImportHouseholdsRequest> Upload(string batchId, IEnumerable<ImportedHousehold> households) =>
        households.Chunk(2).Select(Message).Prepend(Header(batchId));

    public static ImportHouseholdsRequest Message(params ImportedHousehold[] households) =>
        new() { Households = new ImportedHouseholds { Households = { households } } };

    /// <summary>Streams the messages and answers the result; a status the server ended the call with is thrown as RpcException.</summary>
    public static async Task<ImportHouseholdsResponse> ImportAsync(this RegistryFactory registry, CallOptions options, IEnumerable<ImportHouseholdsRequest> messages)
    {
        using var channel = GrpcChannel.ForAddress(registry.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = registry.Server.CreateHandler() });
        var client = new HouseholdImportService.HouseholdImportServiceClient(channel);
        // A batch of two thousand households takes seconds alone but can pass the usual 30 s on a shared,
        // loaded CI machine; what these tests check is the import's outcome, not its speed.
        using var call = client.ImportHouseholds(options.WithDeadline(DateTime.UtcNow.AddMinutes(3)));
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The server ended the call before reading everything; its status comes with the response.
        }

        return await call.ResponseAsync;
    }

    public static Task<ImportHouseholdsResponse> ImportAsync(this RegistryFactory registry, string batchId, params ImportedHousehold[] households) =>
        registry.ImportAsync(registry.CountyOfficer(Seeded.Huoqiu), Upload(batchId, households));

    public static async Task<RpcException> ImportFailsAsync(this RegistryFactory registry, StatusCode expected, CallOptions options, IEnumerable<ImportHouseholdsRequest> messages)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => registry.ImportAsync(options, messages));
        Assert.Equal(expected, error.StatusCode);
        return error;
    }
}
