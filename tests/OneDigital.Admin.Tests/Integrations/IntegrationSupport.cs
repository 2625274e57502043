// Why: the partner and webhook tests act as the other side would: a partner asking /connect/token and calling the
// API, a receiver on loopback answering the site's POSTs.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OneDigital.Admin.Tests.Integrations;

public static partial class IntegrationSupport
{
    /// <summary>Tokens over plain http on loopback, and deliveries looked for every half second.</summary>
    public static readonly string[] SiteArguments =
    [
        "--OneDigital:OpenId:RequireHttps=false",
        "--OneDigital:OpenId:TokenRequestsPerClient=200",
        "--OneDigital:OpenId:TokenRequestsPerAddress=1000",
        "--OneDigital:Webhooks:PollInterval=00:00:00.500",
    ];

    public static async Task<HttpResponseMessage> RequestTokenAsync(Uri site, string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = site };
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
    }

    public static async Task<string> TokenAsync(Uri site, string clientId, string secret)
    {
        using var response = await RequestTokenAsync(site, clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    /// <summary>A GET of the content API with the token; a refused token is 401 whatever anonymous readers may see.</summary>
    public static async Task<HttpStatusCode> ApiStatusAsync(Uri site, string token, string contentItemId)
    {
        using var http = new HttpClient { BaseAddress = site };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/content/{contentItemId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The secret shown once on a page (the <c>data-testid="secret"</c> element), or null.</summary>
    public static string? ShownSecret(string html) =>
        SecretElement().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["secret"].Value) : null;

    [GeneratedRegex("data-testid=\"secret\">(?<secret>[^<]+)<")]
    private static partial Regex SecretElement();
}

/// <summary>A webhook receiver on a free loopback port: records each POST's event header and answers <see cref="Status"/>.</summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public LoopbackReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public ConcurrentQueue<string> Events { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            Events.Enqueue(context.Request.Headers["X-OneDigital-Event"] ?? "");
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }

    /// <summary>Waits until a POST of this event has arrived (at most 15 s).</summary>
    public async Task WaitForAsync(string change, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Events.Count(e => e == change) < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the receiver got {count} '{change}' POST(s); it got: {string.Join(", ", Events)}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
