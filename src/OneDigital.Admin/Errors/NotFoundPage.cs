// Why: an unknown item's edit, versions, preview or schedule page answered a bare 404 with an empty body, which the
// browser shows as its own error screen, outside the admin and with no way back. One filter turns every admin page's
// NotFound() into the admin's "Page not found" page, still 404, so a handler only has to say NotFound().
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OneDigital.Admin.Errors;

internal sealed class NotFoundPage : IAlwaysRunResultFilter
{
    /// <summary>The view that says so (a view, not a page, so any handler's NotFound() can become it).</summary>
    public const string ViewPath = "/Errors/NotFound.cshtml";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        var isNotFound = context.Result is NotFoundResult or NotFoundObjectResult;
        if (isNotFound && context.HttpContext.Request.Path.StartsWithSegments(AdminServices.PathPrefix))
        {
            context.Result = new ViewResult
            {
                ViewName = ViewPath,
                StatusCode = StatusCodes.Status404NotFound,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState),
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
