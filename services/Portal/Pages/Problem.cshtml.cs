using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Services;
using Platform.Portal.Text;

namespace Platform.Portal.Pages;

/// <summary>What a refused or failed page request shows (see <see cref="ServiceRefusalMiddleware"/>).</summary>
public sealed class ProblemModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? Detail { get; private set; }

    public void OnGet(int status)
    {
        Status = status is >= 400 and <= 599 ? status : 404;
        Response.StatusCode = Status;
        // Only a refusal the portal itself met carries the service's words; a typed-in URL shows none.
        var refusal = HttpContext.Features.Get<ServiceRefusal>();
        Detail = refusal is { Code: not Grpc.Core.StatusCode.NotFound } ? refusal.Detail : null;
        (Heading, Explanation) = Status switch
        {
            404 => (Lang.Pick("未找到", "Not found"), Lang.Pick("没有找到这条记录，或它不在您的管辖范围内。", "There is no such record, or it is outside your region.")),
            403 => (Lang.Pick("无权查看", "Not permitted"), Lang.Pick("您的角色不能查看或办理此事项。", "Your role may not see or do this.")),
            400 => (Lang.Pick("请求有误", "Not a valid request"), Lang.Pick("请检查输入后重试。", "Please check what was entered and try again.")),
            409 => (Lang.Pick("暂不能办理", "Not possible now"), Lang.Pick("记录当前的状态不允许这一步。", "The record's current state does not allow this step.")),
            _ => (Lang.Pick("服务暂时没有响应", "A service did not answer"), Lang.Pick("请稍后再试；问题持续时请联系平台运维。", "Please try again shortly; if it goes on, tell the platform's operators.")),
        };
    }
}
