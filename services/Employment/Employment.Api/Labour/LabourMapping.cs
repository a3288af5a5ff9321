using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Platform.ServiceDefaults;
using Proto = Pa.Employment.V1;

namespace Platform.Employment.Labour;

public static class LabourMapping
{
    public static Proto.Training ToMessage(this LabourTraining t) => new()
    {
        TrainingId = t.Id.ToString(),
        Course = t.Course,
        Provider = t.Provider,
        StartedOn = t.StartedOn.ToProto(),
        EndedOn = t.EndedOn.ToProto(),
        Certificate = t.Certificate ?? "",
        RecordedAt = Utc(t.RecordedAt),
    };

    public static Proto.JobWish ToMessage(this JobWish w) => new()
    {
        PreferredWork = w.PreferredWork,
        Place = (Proto.WorkPlace)w.Place,
        ExpectedMonthlyIncome = Fen(w.ExpectedMonthlyIncomeFen),
        RecordedAt = Utc(w.RecordedAt),
    };

    public static Proto.MonthlyEarnings ToMessage(this MonthlyEarning m) => new()
    {
        Year = m.Year,
        Month = m.Month,
        Amount = Fen(m.AmountFen),
        PaymentId = m.Id.ToString(),
        RecordedAt = Utc(m.RecordedAt),
    };

    public static Proto.TransportSubsidy ToMessage(this TransportSubsidy s) => new()
    {
        SubsidyId = s.Id.ToString(),
        EmploymentId = s.EmploymentId.ToString(),
        Year = s.Year,
        Amount = Fen(s.AmountFen),
        GrantedAt = Utc(s.GrantedAt),
    };

    public static Proto.Employment ToMessage(this EmploymentRecord j, IEnumerable<MonthlyEarning>? earnings = null, IEnumerable<TransportSubsidy>? subsidies = null)
    {
        var message = new Proto.Employment
        {
            EmploymentId = j.Id.ToString(),
            HouseholdId = j.HouseholdId.ToString(),
            MemberId = j.MemberId.ToString(),
            Type = (Proto.EmploymentType)j.Type,
            Employer = j.Employer,
            StartedOn = j.StartedOn.ToProto(),
            EndedOn = j.EndedOn?.ToProto(),
            MonthlyIncome = Fen(j.MonthlyIncomeFen),
        };
        message.Earnings.AddRange((earnings ?? []).OrderBy(m => m.Year).ThenBy(m => m.Month).Select(m => m.ToMessage()));
        message.TransportSubsidies.AddRange((subsidies ?? []).OrderBy(s => s.Year).Select(s => s.ToMessage()));
        return message;
    }

    private static Money Fen(long fen) => new() { Fen = fen };

    private static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
