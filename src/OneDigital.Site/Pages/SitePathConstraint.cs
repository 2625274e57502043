// Why: the site's fallback route would otherwise match every path, and an endpoint chosen for /admin/assets/... or
// /media/... stops the static-file middleware that serves those files (it serves only requests without an endpoint).
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OneDigital.Site.Pages;

/// <summary>The <c>sitepath</c> route constraint: the catch-all value is a path the site answers.</summary>
internal sealed class SitePathConstraint : IRouteConstraint
{
    public const string Name = "sitepath";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        SiteServices.IsSitePath("/" + (values.TryGetValue(routeKey, out var value) ? value as string : null));
}
