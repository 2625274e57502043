// Why: the e-bulletin's double opt-in as a reader meets it on the site: the form keeps the consent wording it showed,
// only the emailed link confirms, and both the unsubscribe page's button and a mail program's one-click POST end it.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Bulletin;
using OneDigital.Site.Bulletin;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Forms;

public sealed class BulletinSignUpTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync(SiteForms.Settings);

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task Sign_up_mails_a_link_that_confirms_and_the_unsubscribe_link_ends_the_subscription()
    {
        var token = await SiteForms.TokenAsync(_site, BulletinPages.SignUpPath);
        var before = SiteForms.Mails(_site).Count;

        using var posted = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, Fields(token, "Reader.One@Example.org"));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(posted.RequestMessage?.RequestUri?.AbsolutePath, Is.EqualTo(BulletinPages.CheckEmailPath), "redirected after the post");
        Assert.That(await posted.Content.ReadAsStringAsync(), Does.Contain("<h1 class=\"govuk-heading-xl\">Check your email</h1>"));
        var stored = await ExportAsync("reader.one@example.org");
        Assert.That(stored?.Status, Is.EqualTo(BulletinStatus.Pending));
        Assert.That(stored?.ConsentWording, Is.EqualTo(BulletinPages.ConsentWording), "the wording shown is stored");
        Assert.That(stored?.ConsentUtc, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)), "with the time");
        Assert.That(stored?.Source, Is.EqualTo("site:e-bulletin"));

        var mails = SiteForms.Mails(_site);
        Assert.That(mails, Has.Count.EqualTo(before + 1));
        var mail = mails[^1];
        Assert.That(mail.To.ToString(), Is.EqualTo("reader.one@example.org"));
        var confirmLink = SiteForms.LinkIn(mail, BulletinSubscriptions.ConfirmPath);
        var confirmPage = await _site.GetStringAsync(confirmLink);
        Assert.That(await ExportAsync("reader.one@example.org"), Has.Property("Status").EqualTo(BulletinStatus.Pending),
            "opening the link shows a button; a mail scanner's GET confirms nothing");

        using var confirmed = await SiteForms.PostAsync(_site, BulletinSubscriptions.ConfirmPath, [new("token", HiddenToken(confirmPage))], sameOrigin: false);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await confirmed.Content.ReadAsStringAsync(), Does.Contain("You have subscribed to the e-bulletin"));
        Assert.That((await ExportAsync("reader.one@example.org"))?.Status, Is.EqualTo(BulletinStatus.Confirmed));

        var unsubscribeLink = SiteForms.LinkIn(mail, BulletinSubscriptions.UnsubscribePath);
        var unsubscribePage = await _site.GetStringAsync(unsubscribeLink);
        Assert.That((await ExportAsync("reader.one@example.org"))?.Status, Is.EqualTo(BulletinStatus.Confirmed), "GET changes nothing");
        using var left = await SiteForms.PostAsync(_site, BulletinSubscriptions.UnsubscribePath, [new("token", HiddenToken(unsubscribePage))]);
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await left.Content.ReadAsStringAsync(), Does.Contain("You have unsubscribed"));
        Assert.That((await ExportAsync("reader.one@example.org"))?.Status, Is.EqualTo(BulletinStatus.Unsubscribed));
    }

    [Test]
    public async Task A_mail_programs_one_click_post_to_the_list_unsubscribe_link_unsubscribes_without_a_form_token()
    {
        using (await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, Fields(await SiteForms.TokenAsync(_site, BulletinPages.SignUpPath), "one-click@example.org")))
        {
        }
        var mail = SiteForms.Mails(_site).Last(m => m.To.ToString() == "one-click@example.org");
        var header = mail.Headers["List-Unsubscribe"];
        Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        var link = new Uri((header ?? "").Trim('<', '>'));
        using (await SiteForms.PostAsync(_site, BulletinSubscriptions.ConfirmPath,
            [new("token", HiddenToken(await _site.GetStringAsync(SiteForms.LinkIn(mail, BulletinSubscriptions.ConfirmPath))))], sameOrigin: false))
        {
        }

        // RFC 8058: the body is List-Unsubscribe=One-Click, posted by the mail provider (no Origin, no cookies).
        using var oneClick = await SiteForms.PostAsync(_site, link.PathAndQuery, [new("List-Unsubscribe", "One-Click")], sameOrigin: false);

        Assert.That(oneClick.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ExportAsync("one-click@example.org"))?.Status, Is.EqualTo(BulletinStatus.Unsubscribed));
    }

    [Test]
    public async Task A_forged_unsubscribe_or_confirm_token_changes_nothing_and_says_the_link_does_not_work()
    {
        using var unsubscribe = await SiteForms.PostAsync(_site, BulletinSubscriptions.UnsubscribePath + "?token=forged", [new("List-Unsubscribe", "One-Click")], sameOrigin: false);
        using var confirm = await SiteForms.PostAsync(_site, BulletinSubscriptions.ConfirmPath, [new("token", "forged")], sameOrigin: false);

        Assert.That(unsubscribe.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await confirm.Content.ReadAsStringAsync(), Does.Contain("The link does not work"));
    }

    [TestCase("", "Enter your email address")]
    [TestCase("not-an-address", "Enter an email address in the correct format, like name@example.com")]
    public async Task A_bad_email_gets_the_form_back_with_the_error_summary_and_an_inline_message_and_nothing_is_stored(string email, string message)
    {
        var before = SiteForms.Mails(_site).Count;

        using var response = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath, Fields(await SiteForms.TokenAsync(_site, BulletinPages.SignUpPath), email));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("govuk-error-summary").And.Contain($"<a href=\"#email\">{message}</a>"), "the summary links to the field");
        Assert.That(html, Does.Contain($"<p id=\"email-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}</p>"));
        Assert.That(html, Does.Contain("<title>Error: Sign up for the e-bulletin"));
        Assert.That(SiteForms.Mails(_site), Has.Count.EqualTo(before), "nothing mailed");
        if (email.Length > 0) Assert.That(await ExportAsync("not-an-address@x.org"), Is.Null);
    }

    [Test]
    public async Task Without_the_consent_box_ticked_nothing_is_stored_and_the_typed_address_is_kept()
    {
        var token = await SiteForms.TokenAsync(_site, BulletinPages.SignUpPath);

        using var response = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath,
            [new("form_token", token), new("email", "no-consent@example.org"), new("website", "")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("<a href=\"#consent\">Select that you agree to receive the e-bulletin</a>"));
        Assert.That(html, Does.Contain("value=\"no-consent@example.org\""));
        Assert.That(await ExportAsync("no-consent@example.org"), Is.Null);
    }

    [Test]
    public async Task The_home_page_holds_the_sign_up_form_stays_cacheable_and_its_posts_are_kept_as_from_the_home_page()
    {
        var home = await _site.GetStringAsync("/");
        using (var again = await _site.Http.GetAsync("/"))
        {
            Assert.That(again.Headers.Age, Is.Not.Null, "served from the output cache");
        }
        Assert.That(home, Does.Contain("action=\"/e-bulletin\"").And.Contain(WebUtility.HtmlEncode(BulletinPages.ConsentWording)));
        Assert.That(home, Does.Contain("href=\"/privacy-notice\""));

        using var response = await SiteForms.PostAsync(_site, BulletinPages.SignUpPath,
            [new("form_token", SiteForms.TokenIn(home)), new("source", "site:home"), new("email", "from-home@example.org"), new("consent", "yes"), new("website", "")]);

        Assert.That(response.RequestMessage?.RequestUri?.AbsolutePath, Is.EqualTo(BulletinPages.CheckEmailPath));
        Assert.That((await ExportAsync("from-home@example.org"))?.Source, Is.EqualTo("site:home"));
    }

    [Test]
    public async Task The_form_pages_are_never_output_cached()
    {
        using var first = await _site.Http.GetAsync(BulletinPages.SignUpPath);
        using var second = await _site.Http.GetAsync(BulletinPages.SignUpPath);

        Assert.That(second.Headers.Age, Is.Null);
        Assert.That(SiteForms.TokenIn(await first.Content.ReadAsStringAsync()), Is.Not.EqualTo(SiteForms.TokenIn(await second.Content.ReadAsStringAsync())),
            "each visit gets its own signed time");
    }

    internal static KeyValuePair<string, string>[] Fields(string token, string email) =>
        [new("form_token", token), new("email", email), new("consent", "yes"), new("website", "")];

    private static string HiddenToken(string html) =>
        Regex.Match(html, "name=\"token\" value=\"([^\"]*)\"").Groups[1].Value;

    private async Task<BulletinSubscriberRecord?> ExportAsync(string email)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulletinSubscribers>().ExportAsync(email);
    }
}
