using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Webhooks;

namespace OneDigital.Web.Tests.Webhooks;

/// <summary>A partner's receiver on a free loopback port: records every request, answers as the test says.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _requests = new();

    private LoopbackReceiver(Func<ReceivedWebhook, int, Task<int>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var count = 0;
        _app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var request = new ReceivedWebhook(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray());
            _requests.Enqueue(request);
            http.Response.StatusCode = await respond(request, Interlocked.Increment(ref count));
        });
    }

    /// <summary><paramref name="respond"/> gets each request and its 1-based number and returns the status code to answer.</summary>
    public static async Task<LoopbackReceiver> StartAsync(Func<ReceivedWebhook, int, Task<int>> respond)
    {
        var receiver = new LoopbackReceiver(respond);
        await receiver._app.StartAsync();
        return receiver;
    }

    public static Task<LoopbackReceiver> StartAsync(Func<int, int> status) => StartAsync((_, n) => Task.FromResult(status(n)));

    public string Url(string path = "hooks") => $"{_app.Urls.First()}/{path}";

    public IReadOnlyList<ReceivedWebhook> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>What a partner's receiver does with the headers and the raw body.</summary>
    public bool IsSignedWith(string secret) =>
        long.TryParse(Header("X-OneDigital-Timestamp"), out var timestamp)
        && WebhookSignature.Verify(secret, timestamp, Body, Header("X-OneDigital-Signature"));
}
