namespace OneDigital.Web.Setup;

public static class SetupGate
{
    /// <summary>Until setup is done every request but <c>/health</c> is answered 503, so nothing reads a half-made store.</summary>
    public static IApplicationBuilder UseSetupGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var state = context.RequestServices.GetRequiredService<SetupState>();
            if (state.IsReady || context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsync(state.Failed ? "Setup failed; see the server's output." : "The site is being set up.");
        });
}
