// Why: a signed-in editor who may not do something must be told so with a 403 and a page in the admin's layout,
// not sent to sign in again. One result renders that page wherever the refusal happens: the authorization
// convention (through the cookie's access-denied event), a page handler's own check, or a visit to /admin/forbidden.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace OneDigital.Admin.Security;

/// <summary>403 with the admin's "you do not have permission" page.</summary>
public sealed class ForbiddenResult : IActionResult
{
    /// <summary>The view that says so (a view, not a page, so any handler can answer with it).</summary>
    public const string ViewPath = "/Security/Forbidden.cshtml";

    public Task ExecuteResultAsync(ActionContext context)
    {
        var view = new ViewResult
        {
            ViewName = ViewPath,
            StatusCode = StatusCodes.Status403Forbidden,
            ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState),
        };
        return view.ExecuteResultAsync(context);
    }

    /// <summary>Renders the page outside MVC (the cookie handler's access-denied event).</summary>
    internal static Task WriteAsync(HttpContext context) =>
        new ForbiddenResult().ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
