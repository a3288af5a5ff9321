using Platform.ServiceDefaults;
using V1 = Pa.Employment.V1;

namespace Platform.Employment.Welfare;

/// <summary>Entities to messages and back.</summary>
internal static class WelfareMapping
{
    public static V1.Workshop ToMessage(this Workshop w, int currentEmployees) => new()
    {
        WorkshopId = w.Id.ToString(),
        Name = w.Name,
        VillageCode = w.VillageCode,
        OperatorName = w.OperatorName,
        RegisteredOn = w.RegisteredOn.ToProto(),
        CurrentEmployees = currentEmployees,
    };

    public static V1.WorkshopEmployee ToMessage(this WorkshopEmployee e) => new()
    {
        EmploymentId = e.Id.ToString(),
        WorkshopId = e.WorkshopId.ToString(),
        LabourerId = e.LabourerId.ToString(),
        HouseholdId = e.HouseholdId.ToString(),
        HiredOn = e.HiredOn.ToProto(),
        LeftOn = e.LeftOn?.ToProto(),
    };

    public static V1.WorkshopSubsidy ToMessage(this WorkshopSubsidyResult r, Guid workshopId, int year, bool granted) => new()
    {
        WorkshopId = workshopId.ToString(),
        Year = year,
        PoorEmployees = r.PoorEmployees,
        MinimumPoorEmployees = r.MinimumPoorEmployees,
        PerEmployee = Money(r.PerEmployeeFen),
        Amount = Money(r.AmountFen),
        Granted = granted,
    };

    public static V1.PublicWelfarePost ToMessage(this PublicWelfarePost p, int currentAssignees) => new()
    {
        PostId = p.Id.ToString(),
        VillageCode = p.VillageCode,
        Title = p.Title,
        PayBasis = p.PayBasis.ToProto(),
        Rate = Money(p.RateFen),
        CurrentAssignees = currentAssignees,
    };

    public static V1.PostAssignment ToMessage(this PostAssignment a) => new()
    {
        AssignmentId = a.Id.ToString(),
        PostId = a.PostId.ToString(),
        LabourerId = a.LabourerId.ToString(),
        HouseholdId = a.HouseholdId.ToString(),
        StartedOn = a.StartedOn.ToProto(),
        EndedOn = a.EndedOn?.ToProto(),
    };

    public static V1.Payslip ToMessage(this PostPayslip p) => new()
    {
        AssignmentId = p.AssignmentId.ToString(),
        PostId = p.PostId.ToString(),
        LabourerId = p.LabourerId.ToString(),
        HouseholdId = p.HouseholdId.ToString(),
        Year = p.Year,
        Month = p.Month,
        PayBasis = p.PayBasis.ToProto(),
        Units = p.Units,
        Rate = Money(p.RateFen),
        Gross = Money(p.GrossFen),
        Amount = Money(p.AmountFen),
        Capped = p.Capped,
        PaymentId = p.PaymentId.ToString(),
    };

    public static V1.PostPayBasis ToProto(this PostPayBasis basis) => basis switch
    {
        PostPayBasis.PerDay => V1.PostPayBasis.PerDay,
        _ => V1.PostPayBasis.PerTask,
    };

    public static PostPayBasis? FromProto(V1.PostPayBasis basis) => basis switch
    {
        V1.PostPayBasis.PerDay => PostPayBasis.PerDay,
        V1.PostPayBasis.PerTask => PostPayBasis.PerTask,
        _ => null,
    };

    public static Pa.Common.V1.Money Money(long fen) => new() { Fen = fen };
}
