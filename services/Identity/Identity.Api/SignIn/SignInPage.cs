using System.Net;
using System.Text;

namespace Platform.Identity.SignIn;

/// <summary>
/// The sign-in page: a plain HTML form, no script, labels in Chinese with English beside them. It posts
/// back to the authorization endpoint with the request's parameters as hidden fields.
/// </summary>
public static class SignInPage
{
    public const string WrongNameOrPassword = "用户名或密码不正确 / The user name or password is not correct.";

    public const string Disabled = "账户已停用 / The officer's account is disabled.";

    public static IResult Show(HttpContext http, IEnumerable<KeyValuePair<string, string>> parameters, string? refusal)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 Sign in — 扶贫信息平台</title></head>
            <body>
            <main>
            <h1>干部登录 <span lang="en">Officer sign-in</span></h1>

            """);
        if (refusal is not null)
        {
            html.Append("<p role=\"alert\">").Append(Encode(refusal)).Append("</p>\n");
        }

        html.Append("<form method=\"post\" action=\"").Append(Encode($"{http.Request.PathBase}/{AuthorizeEndpoint.Path}")).Append("\">\n");
        foreach (var (name, value) in parameters)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append("\">\n");
        }

        html.Append("""
            <p><label for="username">用户名 <span lang="en">User name</span></label>
            <input id="username" name="username" type="text" autocomplete="username" required autofocus></p>
            <p><label for="password">密码 <span lang="en">Password</span></label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">登录 <span lang="en">Sign in</span></button></p>
            </form>
            </main>
            </body>
            </html>

            """);
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        // No script, no framing (clickjacking). No form-action: browsers apply it to the redirect to the portal too.
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        headers.XFrameOptions = "DENY";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
