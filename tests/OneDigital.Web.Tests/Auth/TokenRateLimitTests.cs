using System.Net;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Auth;

// /connect/token took about 105 guesses a second. Each client id and each remote address now has a budget per
// minute; past it the answer is 429 with Retry-After and an OAuth error naming the limit. Small budgets here, so a
// handful of requests reach them.

public sealed class TokenRateLimitTests
{
    private static async Task<RunningSite> StartAsync(TestSite store, int perClient, int perAddress)
    {
        var site = await store.StartAsync([TestSite.SetupRecipe(Recipe), .. SiteSettings,
            $"--OneDigital:OpenId:TokenRequestsPerClient={perClient}", $"--OneDigital:OpenId:TokenRequestsPerAddress={perAddress}"]);
        await site.SetupCompletion;
        return site;
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response, string limit)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        var error = await JsonAsync(response);
        Assert.That((string?)error["error"], Is.EqualTo("temporarily_unavailable"));
        Assert.That((string?)error["error_description"], Does.Contain($"OneDigital:OpenId:{limit}"));
        Assert.That(error.ContainsKey("access_token"), Is.False);
    }

    [Test]
    public async Task Guessing_one_clients_secret_is_stopped_after_its_budget_while_other_clients_go_on()
    {
        await using var store = TestSite.Create();
        await using var site = await StartAsync(store, perClient: 3, perAddress: 100);

        for (var i = 0; i < 3; i++)
        {
            Assert.That((await RequestTokenAsync(site.Http, "reader-site", $"guess-number-{i}-abcdefgh")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        var evenTheRightSecret = await RequestTokenAsync(site.Http, "reader-site", ReaderSecret);
        var anotherClient = await RequestTokenAsync(site.Http, "editor-site", "editor-secret-0123456789");

        await AssertLimitedAsync(evenTheRightSecret, "TokenRequestsPerClient");
        Assert.That(anotherClient.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Guessing_across_many_client_ids_from_one_address_is_stopped_after_the_addresss_budget()
    {
        await using var store = TestSite.Create();
        await using var site = await StartAsync(store, perClient: 100, perAddress: 4);

        for (var i = 0; i < 4; i++)
        {
            Assert.That((await RequestTokenAsync(site.Http, $"guessed-client-{i}", "some-secret-abcdefgh")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        var next = await RequestTokenAsync(site.Http, "reader-site", ReaderSecret);

        await AssertLimitedAsync(next, "TokenRequestsPerAddress");
    }

    [Test]
    public async Task Client_credentials_in_a_Basic_header_count_against_the_same_client()
    {
        await using var store = TestSite.Create();
        await using var site = await StartAsync(store, perClient: 2, perAddress: 100);

        for (var i = 0; i < 2; i++)
        {
            await RequestTokenAsync(site.Http, "reader-site", $"guess-number-{i}-abcdefgh");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"reader-site:{ReaderSecret}")));

        await AssertLimitedAsync(await site.Http.SendAsync(request), "TokenRequestsPerClient");
    }

    [Test]
    public async Task A_token_request_form_past_its_limits_is_refused_400_before_any_client_is_looked_up()
    {
        await using var store = TestSite.Create();
        await using var site = await StartAsync(store, perClient: 100, perAddress: 100);
        var fields = Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, string>($"field{i}", "x"))
            .Prepend(new("client_id", "reader-site")).Prepend(new("grant_type", "client_credentials"));

        var response = await site.Http.PostAsync("/connect/token", new FormUrlEncodedContent(fields));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await JsonAsync(response))["error"], Is.EqualTo("invalid_request"));
    }

    [TestCase("0")]
    [TestCase("many")]
    public async Task A_limit_that_is_not_a_positive_number_stops_the_start_naming_the_key(string value)
    {
        await using var store = TestSite.Create();

        var error = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var site = await store.StartAsync($"--OneDigital:OpenId:TokenRequestsPerClient={value}");
        });

        Assert.That(error!.Message, Does.Contain("OneDigital:OpenId:TokenRequestsPerClient").And.Contain(value));
        await Task.CompletedTask;
    }
}
