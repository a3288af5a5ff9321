namespace Platform.HouseholdReplica.Tests;

public sealed class RegistryValuesTests
{
    [Theory]
    [InlineData("Normal", LabourCapacity.Normal)]
    [InlineData("Weak", LabourCapacity.Weak)]
    [InlineData("weak", LabourCapacity.Weak)]
    [InlineData("None", LabourCapacity.None)]
    [InlineData("Unspecified", LabourCapacity.Unspecified)]
    public void A_labour_capacity_is_read_by_its_registry_name_in_any_case(string value, LabourCapacity expected) =>
        Assert.Equal(expected, RegistryValues.Parse<LabourCapacity>(value));

    [Theory]
    [InlineData("Strong")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2")]
    [InlineData("7")]
    public void A_name_this_service_does_not_know_reads_as_unspecified(string? value) =>
        Assert.Equal(LabourCapacity.Unspecified, RegistryValues.Parse<LabourCapacity>(value));
}
