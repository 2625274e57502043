using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using OneDigital.Content.Webhooks;

namespace OneDigital.Web.Webhooks;

public sealed record WebhookAttemptResult(DateTime StartedUtc, int? StatusCode, string? Error, TimeSpan Duration)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>POSTs one delivery, signed; any 2xx answer is success, anything else (or no answer in time) a failure.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string HttpClientName = "OneDigital.Webhooks";

    /// <exception cref="OperationCanceledException">Only when <paramref name="ct"/> is cancelled (the host stops).</exception>
    public async Task<WebhookAttemptResult> SendAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var timestamp = started.ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add("X-OneDigital-Event", delivery.Event);
        request.Headers.Add("X-OneDigital-Delivery", delivery.Id);
        request.Headers.Add("X-OneDigital-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-OneDigital-Signature", WebhookSignature.Sign(delivery.Secret, timestamp, body));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return new(started.UtcDateTime, code, response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}", watch.Elapsed);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(started.UtcDateTime, null, $"no answer within {watch.Elapsed.TotalSeconds:0.#} s", watch.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return new(started.UtcDateTime, null, ex.Message, watch.Elapsed);
        }
    }
}
