// Why: a client that closes its connection mid-request (wrk at the end of a run) must not make the error handler
// throw: ASP.NET logs that as "An exception was thrown attempting to execute the error handler" and rethrows.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.Content.Store;
using OneDigital.Web.Problems;

namespace OneDigital.Web.Tests.Problems;

public sealed class ClientGoneTests
{
    private static ProblemExceptionHandler Handler() =>
        new(new StoreOptions(), new HostingEnvironment { EnvironmentName = Environments.Production }, NullLogger<ProblemExceptionHandler>.Instance);

    [Test]
    public async Task A_request_whose_client_has_gone_is_handled_without_writing_a_problem()
    {
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestAborted = gone.Token };
        http.Response.Body = body;

        var handled = await Handler().TryHandleAsync(http, new InvalidOperationException("failed while the client left"), gone.Token);

        Assert.That(handled, Is.True);
        Assert.That(body.Length, Is.Zero);
        Assert.That(http.Response.StatusCode, Is.EqualTo(StatusCodes.Status499ClientClosedRequest));
    }

    [Test]
    public async Task A_client_leaving_while_the_problem_is_written_does_not_make_the_handler_throw()
    {
        using var gone = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestAborted = gone.Token };
        http.Response.Body = new LeavingClientStream(gone);

        var handled = await Handler().TryHandleAsync(http, new InvalidOperationException("failed"), gone.Token);

        Assert.That(handled, Is.True);
    }

    [Test]
    public async Task A_write_failure_while_the_client_is_still_there_is_not_hidden()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new LeavingClientStream(null);

        Assert.That(async () => await Handler().TryHandleAsync(http, new InvalidOperationException("failed"), CancellationToken.None),
            Throws.InstanceOf<IOException>());
    }

    /// <summary>A response body whose client disconnects on the first write: the request's token is cancelled and the write fails.</summary>
    private sealed class LeavingClientStream(CancellationTokenSource? requestAborted) : MemoryStream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (requestAborted is not null) await requestAborted.CancelAsync();
            throw new IOException("The client reset the connection.");
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
