using System.Net;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Auth;

/// <summary>
/// Two nodes on one store, as in a web farm: the first makes the keys, the second (started later, as after a restart)
/// reads them from the store. Both are reached under one public address, set as the issuer. The second node issues
/// tokens that are expired at once.
/// </summary>
public sealed class TokenLifetimeTests
{
    private const string Issuer = "--OneDigital:OpenId:Issuer=https://cms.example.test/";
    private TestSite _store = null!;
    private RunningSite _first = null!;
    private RunningSite _second = null!;

    [OneTimeSetUp]
    public async Task StartNodes()
    {
        _store = TestSite.Create();
        _first = await _store.StartAsync([TestSite.SetupRecipe(Recipe), Issuer, .. SiteSettings]);
        await _first.SetupCompletion;
        _second = await _store.StartAsync([Issuer, "--OneDigital:OpenId:AccessTokenLifetime=00:00:00.001", .. SiteSettings]);
        await _second.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task A_token_from_one_node_is_accepted_by_another_sharing_the_store()
    {
        var token = await TokenAsync(_first.Http, "reader-site", ReaderSecret);

        var response = await SendAsync(_second.Http, HttpMethod.Get, "/api/content/article1", token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_token_past_its_configured_lifetime_is_refused()
    {
        var issued = await TokenResponseAsync(_second.Http, "reader-site", ReaderSecret);

        var onSameNode = await SendAsync(_second.Http, HttpMethod.Get, "/api/content/article1", (string)issued["access_token"]!);
        var onOtherNode = await SendAsync(_first.Http, HttpMethod.Get, "/api/content/article1", (string)issued["access_token"]!);

        Assert.That((int?)issued["expires_in"] ?? 0, Is.EqualTo(0), "no time left: OpenIddict leaves expires_in out");
        Assert.That(onSameNode.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(onSameNode.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
        Assert.That(onOtherNode.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Without_https_the_token_endpoint_refuses_to_take_secrets_unless_told_otherwise()
    {
        await using var strict = await _store.StartAsync();
        await strict.SetupCompletion;

        var response = await RequestTokenAsync(strict.Http, "reader-site", ReaderSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("HTTPS"));
    }
}
