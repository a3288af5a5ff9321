using System.Diagnostics;
using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Assistance;

/// <summary>The water department pushing one assessment per household, all four dimensions met, in batches.</summary>
public static class DepartmentPush
{
    public sealed record Totals(int Rows, int Applied, int Rejected, int Reassessed, int StatusesChanged, TimeSpan Elapsed);

    public static Metadata WaterDepartment(TestAuthority authority)
    {
        var token = authority.Issue(PlatformRoles.DepartmentClient, "340000000000", "water-department", scopes: [PlatformClaims.DepartmentScope("water")], lifetime: TimeSpan.FromHours(4));
        return new Metadata { { "authorization", $"Bearer {token}" } };
    }

    public static async Task<Totals> PushAsync(WaterService.WaterServiceClient client, Metadata headers, IReadOnlyList<PushTarget> targets, int batchSize, string runId, DateOnly assessedOn)
    {
        var watch = Stopwatch.StartNew();
        int applied = 0, rejected = 0, reassessed = 0, changed = 0;
        for (var start = 0; start < targets.Count; start += batchSize)
        {
            using var call = client.ImportWaterAssessments(headers, DateTime.UtcNow.AddHours(2));
            await call.RequestStream.WriteAsync(new ImportWaterAssessmentsRequest
            {
                Header = new DepartmentBatchHeader { BatchId = $"{runId}-{start / batchSize}", SourceSystem = "benchmark" },
            });
            foreach (var target in targets.Skip(start).Take(batchSize))
            {
                await call.RequestStream.WriteAsync(new ImportWaterAssessmentsRequest
                {
                    Row = new WaterAssessmentRow
                    {
                        NationalId = target.HeadNationalId,
                        QuantityMet = true,
                        QualityMet = true,
                        ConvenienceMet = true,
                        ReliabilityMet = true,
                        AssessedOn = new Date { Year = assessedOn.Year, Month = assessedOn.Month, Day = assessedOn.Day },
                        Assessor = "county water bureau",
                        RecordKey = $"water-{target.HouseholdId:N}",
                    },
                });
            }

            await call.RequestStream.CompleteAsync();
            var report = (await call.ResponseAsync).Report;
            (applied, rejected, reassessed, changed) = (applied + report.RowsApplied, rejected + report.RowsRejected, reassessed + report.HouseholdsReassessed, changed + report.StatusesChanged);
            Console.WriteLine($"  batch {start / batchSize + 1}: {start + report.RowsReceived:N0}/{targets.Count:N0} rows, {watch.Elapsed.TotalSeconds:0.0} s");
        }

        return new Totals(targets.Count, applied, rejected, reassessed, changed, watch.Elapsed);
    }
}
