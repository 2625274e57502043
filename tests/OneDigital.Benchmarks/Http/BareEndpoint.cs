using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OneDigital.Benchmarks.Http;

/// <summary>
/// The yardstick: a bare ASP.NET Core endpoint on loopback that answers every GET or POST with a fixed JSON body of
/// a given size, so a query's figures can be read as a fraction of what Kestrel alone manages on this machine.
/// </summary>
public sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareEndpoint> StartAsync(int bodyBytes)
    {
        var body = FixedBody(bodyBytes);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        // Every path, so the yardstick answers the same URL as the site (/api/graphql).
        app.Run(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        return new BareEndpoint(app, new Uri(app.Urls.First()));
    }

    /// <summary>A valid JSON document of exactly <paramref name="bytes"/> bytes.</summary>
    private static byte[] FixedBody(int bytes)
    {
        const string prefix = "{\"data\":\"";
        const string suffix = "\"}";
        var fill = Math.Max(0, bytes - prefix.Length - suffix.Length);
        return System.Text.Encoding.UTF8.GetBytes(prefix + new string('x', fill) + suffix);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
