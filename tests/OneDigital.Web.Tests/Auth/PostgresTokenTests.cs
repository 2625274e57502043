using System.Net;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Auth;

/// <summary>Two nodes on one PostgreSQL store (skipped unless ONEDIGITAL_TEST_POSTGRES is set).</summary>
public sealed class PostgresTokenTests
{
    [Test]
    public async Task Nodes_asking_for_the_first_tokens_at_once_make_one_set_of_keys_and_accept_each_others_tokens()
    {
        await using var store = TestSite.CreatePostgres();
        const string issuer = "--OneDigital:OpenId:Issuer=https://cms.example.test/";
        await using var first = await store.StartAsync([TestSite.SetupRecipe(Recipe), issuer, .. SiteSettings]);
        await first.SetupCompletion;
        await using var second = await store.StartAsync([issuer, .. SiteSettings]);
        await second.SetupCompletion;

        // Neither node has read or made keys yet: both do so now, racing to store them.
        var tokens = await Task.WhenAll(TokenAsync(first.Http, "reader-site", ReaderSecret), TokenAsync(second.Http, "reader-site", ReaderSecret));

        var fromFirstOnSecond = await SendAsync(second.Http, HttpMethod.Get, "/api/content/article1", tokens[0]);
        var fromSecondOnFirst = await SendAsync(first.Http, HttpMethod.Get, "/api/content/article1", tokens[1]);
        Assert.That(fromFirstOnSecond.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fromSecondOnFirst.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
