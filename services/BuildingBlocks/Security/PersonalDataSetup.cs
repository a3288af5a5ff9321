using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Security;

public static class PersonalDataSetup
{
    /// <summary>
    /// Binds <c>PersonalData</c> and registers the protector. The keys are checked when the host
    /// starts, so a bad key ring stops the service at deploy time rather than failing its first
    /// call that touches an ID number.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services)
    {
        services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonalDataOptions>, KeysAreUsable>();
        services.AddSingleton<PersonalDataProtector>();
        return services;
    }

    private sealed class KeysAreUsable : IValidateOptions<PersonalDataOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersonalDataOptions options)
        {
            try
            {
                _ = new PersonalDataProtector(Options.Create(options));
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
