namespace OneDigital.Web.Problems;

/// <summary>Registers and places <see cref="ProblemExceptionHandler"/>: outermost of the site's own middleware, so it sees every endpoint's exceptions.</summary>
public static class ErrorHandling
{
    public static IServiceCollection AddOneDigitalErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UseOneDigitalErrors(this IApplicationBuilder app) => app.UseExceptionHandler();
}
