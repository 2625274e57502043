namespace OneDigital.Web.Setup;

public static class SetupGate
{
    /// <summary>Until setup is done every request but <c>/health</c> is answered 503, so nothing reads a half-made store.</summary>
    public static IApplicationBuilder UseSetupGate(this IApplicationBuilder app)
    {
        // One state for the process, looked up once as the pipeline is built rather than on every request.
        var state = app.ApplicationServices.GetRequiredService<SetupState>();
        return app.Use(async (context, next) =>
        {
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
}
