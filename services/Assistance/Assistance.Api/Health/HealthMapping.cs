using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Health;

public static class HealthMapping
{
    public static Proto.InsuranceEnrolment ToMessage(this InsuranceEnrolment e) => new()
    {
        Id = e.Id.ToString(),
        HouseholdId = e.HouseholdId.ToString(),
        MemberId = e.MemberId.ToString(),
        Year = e.Year,
        Premium = Money(e.PremiumFen),
        Subsidised = Money(e.SubsidisedFen),
        Status = e.Status == EnrolmentStatus.Enrolled ? Proto.EnrolmentStatus.Enrolled : Proto.EnrolmentStatus.Lapsed,
        Source = e.Source,
        RecordKey = e.RecordKey ?? "",
        RecordedAt = Time(e.RecordedAt),
    };

    public static Proto.FamilyDoctorContract ToMessage(this FamilyDoctorContract c)
    {
        var message = new Proto.FamilyDoctorContract
        {
            Id = c.Id.ToString(),
            HouseholdId = c.HouseholdId.ToString(),
            MemberId = c.MemberId.ToString(),
            Doctor = c.Doctor,
            Clinic = c.Clinic,
            SignedOn = c.SignedOn.ToProto(),
            ValidUntil = c.ValidUntil.ToProto(),
        };
        message.Visits.AddRange(c.Visits.OrderBy(v => v.VisitedOn).ThenBy(v => v.Id).Select(ToMessage));
        return message;
    }

    public static Proto.DoctorVisit ToMessage(this DoctorVisit v) => new()
    {
        Id = v.Id.ToString(),
        ContractId = v.ContractId.ToString(),
        VisitedOn = v.VisitedOn.ToProto(),
        Doctor = v.Doctor,
        Notes = v.Notes,
    };

    public static Proto.Illness ToMessage(this IllnessRecord i) => new()
    {
        Id = i.Id.ToString(),
        HouseholdId = i.HouseholdId.ToString(),
        MemberId = i.MemberId.ToString(),
        Kind = i.Kind == IllnessKind.Chronic ? Proto.IllnessKind.Chronic : Proto.IllnessKind.Serious,
        Category = i.Category,
        DiagnosedOn = i.DiagnosedOn.ToProto(),
        Source = i.Source,
    };

    public static Proto.MedicalExpense ToMessage(this MedicalExpense e)
    {
        var costs = e.Costs;
        return new Proto.MedicalExpense
        {
            Id = e.Id.ToString(),
            HouseholdId = e.HouseholdId.ToString(),
            MemberId = e.MemberId.ToString(),
            Hospital = e.Hospital,
            AdmittedOn = e.AdmittedOn.ToProto(),
            DischargedOn = e.DischargedOn.ToProto(),
            Year = e.Year,
            TotalCost = Money(e.TotalFen),
            CompliantCost = Money(e.CompliantFen),
            BasicInsurance = Money(e.BasicInsuranceFen),
            CriticalIllnessInsurance = Money(e.CriticalIllnessFen),
            MedicalAssistance = Money(e.MedicalAssistanceFen),
            OtherPayments = Money(e.OtherFen),
            CompliantOutOfPocket = Money(costs.CompliantOutOfPocketFen),
            CompliantOutOfPocketShare = ShareForDisplay(costs.CompliantOutOfPocketShare),
            FamilyPays = Money(costs.FamilyPaysFen),
            RecordedAt = Time(e.RecordedAt),
        };
    }

    /// <summary>The exact share rounded to four places for display; decisions use the exact decimal.</summary>
    public static double ShareForDisplay(decimal share) => (double)Math.Round(share, 4);

    public static Money Money(long fen) => new() { Fen = fen };

    private static Timestamp Time(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
