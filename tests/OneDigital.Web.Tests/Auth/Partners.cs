using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OneDigital.Web.Tests.Auth;

/// <summary>What a partner site does: ask /connect/token for a token, then call the APIs with it.</summary>
public static class Partners
{
    public const string Recipe = "partners.recipe.json";

    /// <summary>The secret the partners recipe reads from configuration for reader-site.</summary>
    public const string ReaderSecret = "reader-secret-from-configuration";

    public static readonly string[] SiteSettings = ["--OneDigital:OpenId:RequireHttps=false", $"--Partners:ReaderSecret={ReaderSecret}"];

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string grantType = "client_credentials") =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "api",
        }));

    public static async Task<JsonObject> TokenResponseAsync(HttpClient http, string clientId, string secret)
    {
        var response = await RequestTokenAsync(http, clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<string> TokenAsync(HttpClient http, string clientId, string secret) =>
        (string)(await TokenResponseAsync(http, clientId, secret))["access_token"]!;

    /// <summary>Sends a request, with the bearer token when there is one and the JSON body when there is one.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string uri, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, uri);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Is.Not.Empty, $"{(int)response.StatusCode} {response.Headers.WwwAuthenticate}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
