using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Screening;

/// <summary>The screening client of a registry under test, and helpers to build households and roll uploads.</summary>
internal static class ScreeningKit
{
    private static readonly ConditionalWeakTable<RegistryFactory, GrpcChannel> Channels = [];

    public static ScreeningService.ScreeningServiceClient Screening(this RegistryFactory registry) =>
        new(Channels.GetValue(registry, f => GrpcChannel.ForAddress(f.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = f.Server.CreateHandler() })));

    public static DateOnly Today(this RegistryFactory registry) => DateOnly.FromDateTime(registry.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Uploads a header and rows. The server may answer before the upload ends (e.g. PermissionDenied); its answer is what counts.</summary>
    public static async Task<ImportAssistanceRollResponse> ImportAsync(this RegistryFactory registry, CallOptions options, AssistanceRollHeader? header, params AssistanceRollRow[] rows)
    {
        using var call = registry.Screening().ImportAssistanceRoll(options);
        try
        {
            if (header is not null)
            {
                await call.RequestStream.WriteAsync(new ImportAssistanceRollRequest { Header = header });
            }

            foreach (var row in rows)
            {
                await call.RequestStream.WriteAsync(new ImportAssistanceRollRequest { Row = row });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The call already ended; ResponseAsync below carries the server's status.
        }

        return await call.ResponseAsync;
    }

    public static AssistanceRollHeader Header(string batchId, DateOnly asOf, string county = Seeded.Huoqiu,
        AssistanceRollKind kind = AssistanceRollKind.RuralMinimumLivingAllowance) =>
        new() { BatchId = batchId, RollKind = kind, AsOf = asOf.ToProto(), CountyCode = county };

    public static AssistanceRollRow Row(string nationalId, long incomeYuan, string village = Seeded.Qilipeng, string name = "赵大山", int members = 3) => new()
    {
        VillageCode = village,
        HeadName = name,
        HeadNationalId = nationalId,
        MemberCount = members,
        PerCapitaIncome = new Money { Fen = incomeYuan * 100 },
        MonthlyAllowance = new Money { Fen = 450_00 },
    };

    /// <summary>A new person's valid national ID (never used by another test).</summary>
    public static string NewNationalId(string county = Seeded.Huoqiu) =>
        Applications.Member("某人", Relationship.Head, male: true, county).NationalId;

    /// <summary>
    /// An application with exactly <paramref name="priorities"/> of the 六优先 flags (0–3) and the given declared income:
    /// 3 is the sample household (severe disability, student in school, dangerous house); fewer drop the child and some facts.
    /// </summary>
    public static CreateHouseholdApplicationRequest Household(string village, long incomeYuan, int priorities)
    {
        var request = Applications.Household(village);
        request.DeclaredIncomePerCapita = new Money { Fen = incomeYuan * 100 };
        if (priorities < 3)
        {
            request.Members.RemoveAt(2);
            request.Facts = new HouseholdFacts();
            var present = new Fact { Present = true, Source = FactSource.Declared, Evidence = "村委会核实" };
            if (priorities >= 1)
            {
                request.Facts.LivesInDangerousHouse = present;
            }

            if (priorities == 2)
            {
                request.Facts.SufferedSeriousDisaster = present;
            }
        }

        return request;
    }

    /// <summary>Puts a household in a state the identification workflow (built elsewhere) would reach.</summary>
    public static Task SetStatusAsync(this RegistryFactory registry, Household household, HouseholdStatus status) =>
        registry.QueryAsync(db => db.Households.Where(h => h.Id == Guid.Parse(household.HouseholdId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, status)));
}
