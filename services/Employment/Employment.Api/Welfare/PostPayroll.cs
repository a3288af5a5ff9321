using Platform.Employment.Contracts;

namespace Platform.Employment.Welfare;

/// <summary>An assignment of the village in the month, its post, and the days or tasks recorded in the month.</summary>
public sealed record PayrollAssignment(PostAssignment Assignment, PublicWelfarePost Post, int Units);

/// <summary>
/// What a payroll run changes: payslips to add, the new values of issued payslips to correct (same
/// keys and payment ids), the WagesPaid to publish, and the fen paid beyond what earlier runs paid.
/// </summary>
public sealed record PayrollResult(IReadOnlyList<PostPayslip> Added, IReadOnlyList<PostPayslip> Corrected, IReadOnlyList<WagesPaid> Payments, long NewlyPaidFen);

/// <summary>
/// The monthly post payroll (公益性岗位 工资): one payslip per assignment and month, capped per
/// assignment. A new payslip, and one whose amount a correction changed, goes to the registry as
/// WagesPaid with the payment id of that assignment and month, so the registry replaces its income
/// entry instead of adding one. A payslip whose units or rate changed but whose amount did not is
/// corrected without a payment; an assignment with no work and no payslip gets none.
/// </summary>
public static class PostPayroll
{
    public const string EmploymentType = "public-welfare-post";

    /// <param name="issued">The month's payslips already stored, by assignment id; they are not changed.</param>
    public static PayrollResult Run(
        int year, int month, long monthlyCapFen, IEnumerable<PayrollAssignment> assignments, IReadOnlyDictionary<Guid, PostPayslip> issued, DateTime now)
    {
        var added = new List<PostPayslip>();
        var corrected = new List<PostPayslip>();
        var payments = new List<WagesPaid>();
        long newlyPaidFen = 0;
        foreach (var (assignment, post, units) in assignments)
        {
            var previous = issued.GetValueOrDefault(assignment.Id);
            if (previous is null && units == 0)
            {
                continue;
            }

            var pay = PostPayCalculator.Monthly(units, post.RateFen, monthlyCapFen);
            if (previous is not null && previous.Units == pay.Units && previous.AmountFen == pay.AmountFen
                && previous.RateFen == post.RateFen && previous.GrossFen == pay.GrossFen)
            {
                continue;
            }

            var slip = new PostPayslip
            {
                AssignmentId = assignment.Id, Year = year, Month = month, PostId = post.Id, VillageCode = assignment.VillageCode,
                LabourerId = assignment.LabourerId, HouseholdId = assignment.HouseholdId,
                PaymentId = previous?.PaymentId ?? PaymentIds.ForPostPay(assignment.Id, year, month),
                PayBasis = post.PayBasis, Units = pay.Units, RateFen = post.RateFen, GrossFen = pay.GrossFen,
                AmountFen = pay.AmountFen, Capped = pay.Capped, ComputedAt = now,
            };
            (previous is null ? added : corrected).Add(slip);
            if (previous?.AmountFen != pay.AmountFen)
            {
                payments.Add(new WagesPaid(slip.HouseholdId, slip.LabourerId, slip.PaymentId, year, month, slip.AmountFen, EmploymentType, now));
                newlyPaidFen += Math.Max(0, pay.AmountFen - (previous?.AmountFen ?? 0));
            }
        }

        return new PayrollResult(added, corrected, payments, newlyPaidFen);
    }
}
