using Pa.Registry.V1;
using Platform.HouseholdRegistry.Verification;

namespace Platform.HouseholdRegistry.Tests.Support;

public sealed class VerificationRulesTests
{
    private static readonly string[] Record = ["王建国", "李秀英", "王小明"];

    [Fact]
    public void A_household_that_names_its_members_and_helper_matches_despite_spacing_and_case()
    {
        Assert.Empty(VerificationRules.Compare(Record, "Li Zekun", ["王小明", " 王建国", "李 秀英"], "li zekun"));
    }

    [Fact]
    public void A_person_the_household_names_who_is_not_in_the_record_is_missing_from_the_record()
    {
        var mismatch = Assert.Single(VerificationRules.Compare(Record, "李泽坤", [.. Record, "王奶奶"], "李泽坤"));
        Assert.Equal(new VerificationMismatch(MismatchKind.MemberMissingFromRecord, "王奶奶"), mismatch);
    }

    [Fact]
    public void A_recorded_member_the_household_does_not_name_is_not_stated()
    {
        var mismatch = Assert.Single(VerificationRules.Compare(Record, "李泽坤", ["王建国", "李秀英"], "李泽坤"));
        Assert.Equal(new VerificationMismatch(MismatchKind.MemberNotStated, "王小明"), mismatch);
    }

    [Fact]
    public void A_different_helper_name_is_a_mismatch_with_the_name_as_stated()
    {
        var mismatch = Assert.Single(VerificationRules.Compare(Record, "李泽坤", Record, "张三"));
        Assert.Equal(new VerificationMismatch(MismatchKind.HelperNameDiffers, "张三"), mismatch);
    }

    [Fact]
    public void A_household_that_cannot_name_its_helper_differs_from_the_record()
    {
        var mismatch = Assert.Single(VerificationRules.Compare(Record, "李泽坤", Record, ""));
        Assert.Equal(MismatchKind.HelperNameDiffers, mismatch.Kind);
    }

    [Fact]
    public void No_paired_helper_is_a_mismatch_whatever_the_household_says()
    {
        var mismatch = Assert.Single(VerificationRules.Compare(Record, null, Record, "张三"));
        Assert.Equal(new VerificationMismatch(MismatchKind.NoHelperPaired, "张三"), mismatch);
    }

    [Fact]
    public void Every_mismatch_is_listed_at_once()
    {
        var kinds = VerificationRules.Compare(Record, null, ["王建国", "陌生人"], "").Select(m => m.Kind).ToList();
        Assert.Equal(
            [MismatchKind.MemberMissingFromRecord, MismatchKind.MemberNotStated, MismatchKind.MemberNotStated, MismatchKind.NoHelperPaired],
            kinds);
    }
}
