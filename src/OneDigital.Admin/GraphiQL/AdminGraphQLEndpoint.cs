// Why: GraphiQL must run queries as the signed-in editor, but the admin cookie is sent to /admin only and the API
// at /api/graphql never accepts it. So the admin offers an execute endpoint under /admin: signed in with the cookie
// (the admin's policy), antiforgery-checked (the token rides in a header GraphiQL's fetcher sends), any
// Authorization header dropped so a pasted bearer token cannot stand in for the editor. The admin does not
// reference GraphQL: the host, which already joins the two, hands in the handler that runs the request through the
// same machinery as /api/graphql (schema, limits, permissions per type).
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;

namespace OneDigital.Admin.GraphiQL;

public static class AdminGraphQLEndpoint
{
    public const string PagePath = AdminServices.PathPrefix + "/graphql";

    public const string ExecutePath = PagePath + "/execute";

    /// <summary>The header the page's fetcher puts the antiforgery token in (antiforgery's default header name).</summary>
    public const string TokenHeader = "RequestVerificationToken";

    /// <summary>
    /// Maps POST <see cref="ExecutePath"/> to <paramref name="execute"/> (a GraphQL request handler that runs as
    /// <c>HttpContext.User</c>) for signed-in admin users with a valid antiforgery token (400 without one) who hold
    /// GraphiQL's permission (403 otherwise).
    /// </summary>
    public static IEndpointConventionBuilder MapAdminGraphQL(this IEndpointRouteBuilder endpoints, RequestDelegate execute)
    {
        ArgumentNullException.ThrowIfNull(execute);
        return endpoints.MapPost(ExecutePath, async http =>
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = "The request has no valid antiforgery token: reload the GraphiQL page." } } });
                return;
            }
            if (!await http.RequestServices.GetRequiredService<PermissionService>().IsGrantedAsync(http.User, GraphiQLModel.Permission, ct: http.RequestAborted))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = $"GraphiQL needs the {GraphiQLModel.Permission.Name} permission." } } });
                return;
            }
            http.Request.Headers.Remove(HeaderNames.Authorization);
            http.Response.Headers.CacheControl = "no-store";
            await execute(http);
        }).RequireAuthorization(AdminAuthorization.Policy);
    }
}
