using Platform.Employment.Contracts;
using Platform.Employment.Welfare;

namespace Platform.Employment.Tests.Welfare;

/// <summary>
/// The payroll's decision without the transport: what a first run issues, that a re-run with nothing
/// changed issues and publishes nothing, and that a correction republishes under the same payment id.
/// </summary>
public sealed class PostPayrollRuleTests
{
    private const long Cap = 80_000;
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static readonly PublicWelfarePost Cleaner = new()
    {
        Id = Guid.NewGuid(), VillageCode = "341522100251", Title = "Road cleaner", PayBasis = PostPayBasis.PerDay, RateFen = 5_000, CreatedBy = "t",
    };

    private static PostAssignment Assignment() => new()
    {
        Id = Guid.NewGuid(), PostId = Cleaner.Id, VillageCode = Cleaner.VillageCode, LabourerId = Guid.NewGuid(), HouseholdId = Guid.NewGuid(),
        StartedOn = new DateOnly(2026, 1, 1),
    };

    private static PayrollResult Run(IReadOnlyDictionary<Guid, PostPayslip> issued, params (PostAssignment Assignment, int Units)[] worked) =>
        PostPayroll.Run(2026, 2, Cap, worked.Select(w => new PayrollAssignment(w.Assignment, Cleaner, w.Units)), issued, Now);

    private static Dictionary<Guid, PostPayslip> Issued(PayrollResult result) => result.Added.ToDictionary(s => s.AssignmentId);

    [Fact]
    public void A_first_run_issues_a_payslip_and_publishes_wages_for_each_assignment_that_worked()
    {
        var worked = Assignment();
        var idle = Assignment();

        var result = Run(new Dictionary<Guid, PostPayslip>(), (worked, 20), (idle, 0));

        var slip = Assert.Single(result.Added);
        Assert.Empty(result.Corrected);
        var paymentId = PaymentIds.ForPostPay(worked.Id, 2026, 2);
        Assert.Equal((worked.Id, 20, 100_000L, Cap, true, paymentId), (slip.AssignmentId, slip.Units, slip.GrossFen, slip.AmountFen, slip.Capped, slip.PaymentId));
        Assert.Equal(new WagesPaid(worked.HouseholdId, worked.LabourerId, paymentId, 2026, 2, Cap, "public-welfare-post", Now), Assert.Single(result.Payments));
        Assert.Equal(Cap, result.NewlyPaidFen);
    }

    [Fact]
    public void A_rerun_with_nothing_changed_issues_and_publishes_nothing()
    {
        var worked = Assignment();
        var issued = Issued(Run(new Dictionary<Guid, PostPayslip>(), (worked, 10)));

        var rerun = Run(issued, (worked, 10));

        Assert.Equal((0, 0, 0, 0L), (rerun.Added.Count, rerun.Corrected.Count, rerun.Payments.Count, rerun.NewlyPaidFen));
    }

    [Fact]
    public void A_correction_republishes_the_new_amount_under_the_same_payment_id()
    {
        var worked = Assignment();
        var issued = Issued(Run(new Dictionary<Guid, PostPayslip>(), (worked, 10)));

        var more = Run(issued, (worked, 12));
        var corrected = Assert.Single(more.Corrected);
        Assert.Empty(more.Added);
        Assert.Equal((12, 60_000L, issued[worked.Id].PaymentId), (corrected.Units, corrected.AmountFen, corrected.PaymentId));
        var wages = Assert.Single(more.Payments);
        Assert.Equal((issued[worked.Id].PaymentId, 60_000L), (wages.PaymentId, wages.AmountFen));
        Assert.Equal(10_000, more.NewlyPaidFen);
        Assert.Equal(50_000, issued[worked.Id].AmountFen);

        // Attendance corrected to nothing: the registry's entry goes to 0 under the same id; nothing is newly paid.
        var none = Run(issued, (worked, 0));
        Assert.Equal((0L, issued[worked.Id].PaymentId, 0L), (Assert.Single(none.Payments).AmountFen, none.Payments[0].PaymentId, none.NewlyPaidFen));
    }

    [Fact]
    public void More_days_beyond_the_cap_correct_the_payslip_without_publishing_the_same_amount_again()
    {
        var worked = Assignment();
        var issued = Issued(Run(new Dictionary<Guid, PostPayslip>(), (worked, 16)));

        var result = Run(issued, (worked, 20));

        var corrected = Assert.Single(result.Corrected);
        Assert.Equal((20, 100_000L, Cap, true), (corrected.Units, corrected.GrossFen, corrected.AmountFen, corrected.Capped));
        Assert.Empty(result.Payments);
    }
}
