// Why: the forms are safe without a CAPTCHA only if each check refuses on its own and keeps nothing: a post from
// another site, a filled honeypot, a form sent faster than a person can, and an address that posts too often.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Bulletin;
using OneDigital.Site.Bulletin;
using OneDigital.Site.ShareLearning;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Forms;

public sealed class FormSafetyTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync(
        "--OneDigital:Site:PublicUrl=https://site.example.test", "--OneDigital:Site:Forms:MinimumFillTime=00:00:02", "--OneDigital:Site:Forms:PostsPerWindow=1000");

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task A_filled_honeypot_is_refused_and_nothing_is_stored_or_mailed()
    {
        var token = await SiteForms.TokenAsync(_site, BulletinPages.SignUpPath);
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        var mails = SiteForms.Mails(_site).Count;

        using var response = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath,
            [new("form_token", token), new("email", "honey@example.org"), new("consent", "yes"), new("website", "https://spam.example")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary"));
        Assert.That(await ExportAsync("honey@example.org"), Is.Null);
        Assert.That(SiteForms.Mails(_site), Has.Count.EqualTo(mails));
    }

    [Test]
    public async Task A_form_sent_sooner_than_a_person_could_is_refused_and_the_same_form_later_is_accepted()
    {
        var token = await SiteForms.TokenAsync(_site, BulletinPages.SignUpPath);

        using var fast = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, BulletinSignUpTests.Fields(token, "fast@example.org"));

        Assert.That(fast.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await fast.Content.ReadAsStringAsync(), Does.Contain("The form was sent very quickly"));
        Assert.That(await ExportAsync("fast@example.org"), Is.Null);

        await Task.Delay(TimeSpan.FromSeconds(2.1));
        using var later = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, BulletinSignUpTests.Fields(token, "fast@example.org"));
        Assert.That(later.RequestMessage?.RequestUri?.AbsolutePath, Is.EqualTo(BulletinPages.CheckEmailPath));
        Assert.That(await ExportAsync("fast@example.org"), Is.Not.Null);
    }

    [Test]
    public async Task A_post_from_another_site_or_without_the_signed_token_is_refused()
    {
        var token = await SiteForms.TokenAsync(_site, ShareLearningPages.FormPath);
        await Task.Delay(TimeSpan.FromSeconds(2.1));

        using var crossSite = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, BulletinSignUpTests.Fields(token, "cross@example.org"), sameOrigin: false);
        using var otherForm = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, BulletinSignUpTests.Fields(token, "cross@example.org"));
        using var forged = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, BulletinSignUpTests.Fields("forged", "cross@example.org"));

        Assert.That(new[] { crossSite.StatusCode, otherForm.StatusCode, forged.StatusCode }, Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ExportAsync("cross@example.org"), Is.Null);
    }

    private async Task<BulletinSubscriberRecord?> ExportAsync(string email)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulletinSubscribers>().ExportAsync(email);
    }
}

public sealed class FormRateLimitTests
{
    [Test]
    public async Task Past_the_posts_an_address_may_make_the_form_answers_429_with_a_plain_page_and_keeps_nothing()
    {
        await using var site = await ReadersSite.StartAsync(
            "--OneDigital:Site:PublicUrl=https://site.example.test", "--OneDigital:Site:Forms:MinimumFillTime=00:00:00", "--OneDigital:Site:Forms:PostsPerWindow=2");
        var token = await SiteForms.TokenAsync(site, ShareLearningPages.FormPath);
        KeyValuePair<string, string>[] missing = [new("form_token", token), new("website", "")];
        using (await SiteForms.PostAsync(site, ShareLearningPages.FormPath, missing))
        using (await SiteForms.PostAsync(site, BulletinPages.SignUpPath, missing))
        {
        }

        using var third = await SiteForms.PostAsync(site, BulletinPages.SignUpPath, BulletinSignUpTests.Fields(await SiteForms.TokenAsync(site, BulletinPages.SignUpPath), "limited@example.org"));
        var html = await third.Content.ReadAsStringAsync();

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(third.Headers.RetryAfter, Is.Not.Null);
        Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-xl\">Too many attempts</h1>").And.Contain("You have sent this form too many times"));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<BulletinSubscribers>().ExportAsync("limited@example.org"), Is.Null);
        using var read = await site.Http.GetAsync(BulletinPages.SignUpPath);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading the form is not limited");
    }
}
