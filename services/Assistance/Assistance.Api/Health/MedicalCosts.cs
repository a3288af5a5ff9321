using Platform.ServiceDefaults;

namespace Platform.Assistance.Health;

/// <summary>
/// The costs of a hospitalisation in whole fen and who paid them: basic medical insurance,
/// critical-illness insurance (大病保险), medical assistance (医疗救助) and others. Only the
/// compliant part (政策范围内) is covered, so every payment, and their sum, stays within it.
/// </summary>
public sealed record MedicalCosts(long TotalFen, long CompliantFen, long BasicInsuranceFen, long CriticalIllnessFen, long MedicalAssistanceFen, long OtherFen)
{
    public long PaymentsFen => BasicInsuranceFen + CriticalIllnessFen + MedicalAssistanceFen + OtherFen;

    /// <summary>The compliant costs nobody covered: what the one-stop settlement keeps within the limit.</summary>
    public long CompliantOutOfPocketFen => CompliantFen - PaymentsFen;

    /// <summary>
    /// What the family actually pays: the total less every payment, the non-compliant part
    /// included. This is what MedicalExpenditureRecorded carries, because the registry adds it to
    /// the household's rigid expenditure (支出法) — money the family really spent.
    /// </summary>
    public long FamilyPaysFen => TotalFen - PaymentsFen;

    /// <summary>Compliant out-of-pocket over compliant costs; 0 when nothing was compliant.</summary>
    public decimal CompliantOutOfPocketShare => Share(CompliantOutOfPocketFen, CompliantFen);

    /// <summary>
    /// Adds a problem per field that breaks the rules between the amounts; the field names are the
    /// request's. health.proto bounds each amount on its own (0 to <see cref="MoneyLimits.YearlyIncomeFen"/>),
    /// which also keeps the sum of the payments far from overflowing.
    /// </summary>
    public void Validate(FieldViolations violations)
    {
        violations.Check(CompliantFen <= TotalFen, "compliant_cost", "must not be more than the total cost");
        foreach (var (field, fen) in Payments())
        {
            violations.Check(fen <= CompliantFen, field, "must not be more than the compliant cost: payments only cover compliant costs");
        }

        if (Payments().All(p => p.Fen <= CompliantFen))
        {
            violations.Check(PaymentsFen <= CompliantFen, "compliant_cost",
                $"must cover all payments together (basic insurance, critical-illness insurance, medical assistance and others sum to {PaymentsFen} fen)");
        }
    }

    /// <summary>Whether a compliant out-of-pocket share is above the limit; exactly at the limit is within it.</summary>
    public static bool AboveLimit(long outOfPocketFen, long compliantFen, decimal limit) => Share(outOfPocketFen, compliantFen) > limit;

    public static decimal Share(long partFen, long wholeFen) => wholeFen <= 0 ? 0m : (decimal)partFen / wholeFen;

    private IEnumerable<(string Field, long Fen)> Payments() =>
    [
        ("basic_insurance", BasicInsuranceFen),
        ("critical_illness_insurance", CriticalIllnessFen),
        ("medical_assistance", MedicalAssistanceFen),
        ("other_payments", OtherFen),
    ];
}

/// <summary>Where the large rigid medical expenditure check leaves a household-year.</summary>
/// <param name="Assessable">False when the household's net income of the year is not known.</param>
/// <param name="Above">Out-of-pocket above the share of net income (when not assessable: the state kept from before).</param>
/// <param name="Crossed">It just went from not above to above: the moment to publish LargeMedicalExpenditureIncurred.</param>
public sealed record LargeExpenditureOutcome(bool Assessable, bool Above, bool Crossed);

/// <summary>
/// Large rigid medical expenditure (大额刚性医疗支出): what a family paid for medical care in a
/// year above a share of its net income (0.5 by default). Reported once per crossing, so a
/// household that stays above is not reported again with every new bill.
/// </summary>
public static class LargeExpenditureRule
{
    /// <param name="wasAbove">Where the last assessment with a known income left the household-year.</param>
    /// <param name="netIncomeFen">Null when the registry has not reported the year's income: nothing can be said, so the state is kept.</param>
    public static LargeExpenditureOutcome Assess(long outOfPocketFen, long? netIncomeFen, decimal share, bool wasAbove)
    {
        if (netIncomeFen is not { } income)
        {
            return new LargeExpenditureOutcome(false, wasAbove, false);
        }

        // A zero or negative income makes any out-of-pocket cost "above": the family cannot carry it.
        var above = outOfPocketFen > 0 && outOfPocketFen > share * income;
        return new LargeExpenditureOutcome(true, above, above && !wasAbove);
    }
}
