using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Platform.Portal;
using Platform.Portal.Officers;
using Platform.Portal.Services;
using Platform.Portal.Text;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
var authority = portal.Authority is { Length: > 0 } configured ? configured : builder.Configuration["Auth:Authority"]
    ?? throw new InvalidOperationException("Portal:Authority (or Auth:Authority) must name the identity service's address.");

// The sign-in cookie is encrypted with these keys; replicas must share the folder.
var keys = portal.KeysDirectory is { Length: > 0 } folder ? folder
    : Path.Combine(builder.Configuration["DataDir"] ?? Path.Combine(builder.Environment.ContentRootPath, ".data"), "portal-keys");
builder.Services.AddCookieKeys(portal, keys);

builder.Services.AddOfficerSignIn(portal, authority);
builder.Services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<ServiceChannels>();
builder.Services.AddScoped<ServiceCalls>();
builder.Services.AddSingleton<Localizer>();
builder.Services.AddRazorPages();
// Chinese text as characters in the HTML, not as numeric entities: a third of the size, and readable in the source.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var app = builder.Build();

app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(Lang.Chinese),
    SupportedCultures = Lang.Cultures,
    SupportedUICultures = Lang.Cultures,
    RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
});
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    // No script at all; styles and images only from the portal; never framed.
    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "same-origin";
    await next();
});
app.UseStatusCodePagesWithReExecute("/problem/{0}");
app.UseStaticFiles();
app.UseMiddleware<ServiceRefusalMiddleware>();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapHealthChecks("/alive").AllowAnonymous();
app.MapRazorPages();

// The language is kept in a cookie for a year; the officer goes back to the page they were on.
app.MapGet("/language/{culture}", (HttpContext http, string culture, string? back) =>
{
    var chosen = culture == Lang.English ? Lang.English : Lang.Chinese;
    http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
    return Results.LocalRedirect(SignInSetup.LocalOrStart(back));
}).AllowAnonymous();

// Full ID numbers: sign in again asking for the personal-data scope, then back to the page.
app.MapGet("/personal-data", (string? back) =>
{
    var properties = new AuthenticationProperties { RedirectUri = SignInSetup.LocalOrStart(back) };
    properties.Items[SignInSetup.PersonalDataScope] = "1";
    return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
});

await app.RunAsync();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
