// Why: most admin tests are plain HTTP: fast, and exact about status codes and redirects. This client keeps the
// cookies itself (the sign-in cookie is Secure outside Development, which HttpClient's cookie container would not
// send over http://127.0.0.1), follows no redirects (tests assert them), and posts forms with the antiforgery token
// read from the page, as a browser does.
using System.Net;
using System.Text.RegularExpressions;

namespace OneDigital.Admin.Tests.Support;

public sealed partial class AdminClient : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public AdminClient(Uri address)
    {
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    /// <summary>The cookies the site has set, by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>The name of the admin's sign-in cookie.</summary>
    public const string SignInCookie = "OneDigital.Admin";

    public bool IsSignedIn => _cookies.ContainsKey(SignInCookie);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Posts the form fields as they are: no antiforgery token is added.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Opens <paramref name="formPage"/>, reads its antiforgery token, and posts the fields with it to <paramref name="action"/> (the page itself by default).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        using var page = await GetAsync(formPage);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {formPage} to read its form");
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await PostRawAsync(action ?? formPage, [.. fields, new(AntiforgeryField, token)]);
    }

    /// <summary>Signs in through the form; fails the test unless the site redirects into the admin.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        using var response = await PostSignInAsync(userName, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(IsSignedIn, Is.True, "the sign-in cookie was set");
    }

    /// <summary>Posts the sign-in form, whatever the outcome.</summary>
    public Task<HttpResponseMessage> PostSignInAsync(string userName, string password) =>
        PostFormAsync("/admin/sign-in", [new("UserName", userName), new("Password", password)]);

    /// <summary>Sends a request with this client's cookies, whatever its path (a test may send them where a browser would not).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..separator].Trim(), pair[(separator + 1)..].Trim());
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                if (expired) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        }
        return response;
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.That(match.Success, Is.True, "the page has a form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    /// <summary>GETs a page, asserting its status (200 unless told), and returns its HTML.</summary>
    public async Task<string> HtmlAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {path}");
        return html;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)")]
    private static partial Regex AntiforgeryInput();

    public void Dispose() => _http.Dispose();
}
