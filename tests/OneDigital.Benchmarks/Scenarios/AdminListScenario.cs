// Why: the admin's content list is the page editors open most; at 100,000 items it must still answer a page in well
// under 100 ms p99, first page or deep, filtered by type or by title text. Measured as an editor's browser meets it:
// signed in, over HTTP on loopback, the whole page rendered. The content picker's search (what its script asks as an
// editor types, BlogPost's Related over case studies and reports) reads the same title search, so it is measured here.
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Benchmarks.Http;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Benchmarks.Scenarios;

public sealed partial class AdminListScenario : IScenario
{
    private const int Connections = 2;
    private const string UserName = "list-editor";
    private const string Password = "List-editor-Pa55";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    public string Name => "admin-list";

    public string Description => "the admin content list signed in over HTTP: first page, a deep page, by type, by text; the content picker's search (2 connections)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await run.EnsureSeededAsync(run.Options.Items, ct);
        await using var site = await BenchmarkSite.StartAsync(run.Store);
        await AddEditorAsync(site);
        var cookies = await SignInAsync(site.Address, ct);
        var word = await SomeWordAsync(site.Address, cookies, ct);
        (string Name, string Path)[] pages =
        [
            ("first page", "/admin/content"),
            ("page 1,000", "/admin/content?page=1000"),
            ("type Event", "/admin/content?type=Event"),
            ("title contains", "/admin/content?q=" + Uri.EscapeDataString(word)),
            ("picker search", "/admin/pickers/BlogPost/BlogPost/Related?q=" + Uri.EscapeDataString(word)),
            ("picker empty box", "/admin/pickers/BlogPost/BlogPost/Related?q="),
        ];
        var rows = new List<ResultRow>();
        foreach (var (name, path) in pages)
        {
            run.Log.WriteLine($"  admin list {name}: {path}");
            var result = await LoadRun.RunAsync(() => Get(site.Address, path, cookies), Connections, WarmUp, Duration, ct);
            rows.Add(new ResultRow($"admin list {name}",
            [
                ("requests", result.Requests.ToString("N0", CultureInfo.InvariantCulture)),
                ("failed", result.Failures.ToString(CultureInfo.InvariantCulture)),
                ("requests/s", result.Rps),
                ("p50 ms", result.P50),
                ("p99 ms", result.P99),
                ("body bytes", result.BodyBytes.ToString("N0", CultureInfo.InvariantCulture)),
            ]));
        }
        return rows;
    }

    private static async Task AddEditorAsync(BenchmarkSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByNameAsync(UserName) is not null) return;
        var user = new User { UserName = UserName, Email = "list-editor@example.test", EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, BuiltInRoles.Editor));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Signs in through the form, as a browser would, and returns the Cookie header to send.</summary>
    private static async Task<string> SignInAsync(Uri site, CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = site };
        using var form = await http.GetAsync("/admin/sign-in", ct);
        var jar = Cookies(form, []);
        var token = WebUtility.HtmlDecode(AntiforgeryInput().Match(await form.Content.ReadAsStringAsync(ct)).Groups["token"].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/sign-in")
        {
            Content = new FormUrlEncodedContent([new("UserName", UserName), new("Password", Password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        using var signedIn = await http.SendAsync(post, ct);
        jar = Cookies(signedIn, jar);
        if (signedIn.StatusCode != HttpStatusCode.Redirect || !jar.ContainsKey("OneDigital.Admin"))
        {
            throw new InvalidOperationException($"sign-in failed: {(int)signedIn.StatusCode}");
        }
        return string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));
    }

    private static Dictionary<string, string> Cookies(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        var next = new Dictionary<string, string>(jar, StringComparer.Ordinal);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var pair in values.Select(v => v.Split(';', 2)[0]))
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                next[pair[..at].Trim()] = pair[(at + 1)..].Trim();
            }
        }
        return next;
    }

    /// <summary>A word from the title of an item on the first page, so the text filter has matches to find.</summary>
    private static async Task<string> SomeWordAsync(Uri site, string cookies, CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var response = await http.SendAsync(Get(site, "/admin/content", cookies), ct);
        var title = WebUtility.HtmlDecode(TitleLink().Match(await response.Content.ReadAsStringAsync(ct)).Groups["title"].Value);
        return title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).FirstOrDefault() ?? "a";
    }

    private static HttpRequestMessage Get(Uri site, string path, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site, path));
        request.Headers.Add("Cookie", cookies);
        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"[^\"]+\">(?<title>[^<]+)</a>")]
    private static partial Regex TitleLink();
}
