// Why: content events do not say who caused them; the audit reads the scope's ContentActor. Setting it once per
// admin request from the signed-in user means every change made through any admin page names its editor.
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Audit;

namespace OneDigital.Admin.Audit;

internal static class AdminActor
{
    /// <summary>After the admin user is known: the request's <see cref="ContentActor"/> is that user, from their address.</summary>
    public static IApplicationBuilder UseAdminActor(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
            {
                context.RequestServices.GetRequiredService<ContentActor>()
                    .Set(context.User.FindFirstValue(ClaimTypes.NameIdentifier), name, context.Connection.RemoteIpAddress?.ToString());
            }
            return next(context);
        });
}
