namespace Platform.Relocation.Sites;

/// <summary>
/// What a site should have (搬得出、稳得住、能致富): at least one leading industry, and a school, a
/// clinic, a community service centre and an employment service station. Returns the gaps by name.
/// </summary>
public static class SiteStandards
{
    public const string NoLeadingIndustry = "NoLeadingIndustry";

    public static IReadOnlyList<string> Gaps(PublicServices services, int leadingIndustries)
    {
        var gaps = new List<string>();
        if (leadingIndustries < 1)
        {
            gaps.Add(NoLeadingIndustry);
        }

        if (!services.School)
        {
            gaps.Add("NoSchool");
        }

        if (!services.Clinic)
        {
            gaps.Add("NoClinic");
        }

        if (!services.CommunityServiceCentre)
        {
            gaps.Add("NoCommunityServiceCentre");
        }

        if (!services.EmploymentServiceStation)
        {
            gaps.Add("NoEmploymentServiceStation");
        }

        return gaps;
    }
}
