using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Content.Errors;
using OneDigital.Content.Store;

namespace OneDigital.Web.Problems;

/// <summary>
/// The one place an exception an endpoint did not handle becomes an answer, so none is an empty 500 and every API
/// answers the same kind of failure the same way: a client error (<see cref="IClientError"/>: a bad query, an unknown
/// name, invalid content) is its status, title and detail; a store that is busy, read-only, damaged or gone (or an
/// index that cannot be searched) is a 503 with a message and <c>Retry-After</c> where retrying helps; anything else
/// is a 500 with a trace id, and its message only in Development. Endpoints throw; they do not answer errors themselves.
/// A request whose client has gone (a load generator closing its connections mid-request) gets no answer: writing one
/// would throw from the handler itself, which ASP.NET logs as an error and rethrows.
/// </summary>
internal sealed class ProblemExceptionHandler(StoreOptions store, IHostEnvironment environment, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }
        if (context.RequestAborted.IsCancellationRequested)
        {
            ClientGone(context, exception);
            return true;
        }
        var problem = new ProblemDetails { Instance = context.Request.Path };
        if (exception is IClientError client)
        {
            problem.Status = client.Status;
            problem.Title = client.Title;
            problem.Detail = client.Detail;
            foreach (var (name, value) in client.Extensions ?? Enumerable.Empty<KeyValuePair<string, object?>>())
            {
                problem.Extensions[name] = value;
            }
        }
        else if (StoreFailures.Classify(exception, store.BusyTimeout) is { } failure)
        {
            logger.LogWarning("{Method} {Path}: answered 503, {Failure}", context.Request.Method, context.Request.Path, failure.Message);
            problem.Status = StatusCodes.Status503ServiceUnavailable;
            problem.Title = failure.Title;
            problem.Detail = failure.Message;
            if (failure.RetryAfterHeader is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
        }
        else
        {
            problem.Status = StatusCodes.Status500InternalServerError;
            problem.Title = "An unexpected error occurred.";
            problem.Detail = environment.IsDevelopment()
                ? exception.ToString()
                : "The error has been logged; quote the trace id when reporting it.";
        }
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = problem.Status.Value;
        // Written directly rather than through IProblemDetailsService, which writes nothing for a client whose Accept
        // header does not name JSON: that would be an empty 500 again.
        try
        {
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }
        catch (Exception ex) when ((ex is OperationCanceledException or IOException) && context.RequestAborted.IsCancellationRequested)
        {
            ClientGone(context, ex);
        }
        return true;
    }

    private void ClientGone(HttpContext context, Exception exception)
    {
        logger.LogDebug(exception, "{Method} {Path}: the client went away; no problem answer written.", context.Request.Method, context.Request.Path);
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    }
}
