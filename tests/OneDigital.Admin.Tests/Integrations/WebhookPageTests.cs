// Why: a webhook added in the admin is the one the dispatcher sends: a publish reaches a receiver on loopback and the
// log shows its answer; redeliver and ping are real deliveries; bad input (URL, no events, a taken name) is refused
// beside the field and nothing is stored.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Admin.Tests.Users;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Tests.Integrations;

public sealed partial class WebhookPageTests : AdminSiteTests
{
    private const string Password = "Someone-Pa55word!";

    protected override Task<AdminSite> StartSiteAsync() => AdminSite.StartAsync(IntegrationSupport.SiteArguments);

    protected override Task PrepareAsync() => Site.AddUserAsync("editor", Password, "Editor");

    private Task<HttpResponseMessage> AddAsync(string name, string url, string[] events, params string[] types) =>
        Admin.PostFormAsync("/admin/webhooks/new",
        [
            new("Name", name), new("Url", url),
            .. events.Select(e => new KeyValuePair<string, string>("Events", e)),
            .. types.Select(t => new KeyValuePair<string, string>("ContentTypes", t)),
        ]);

    private async Task<WebhookEndpoint?> FindAsync(string name)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookEndpoints>().FindAsync(name);
    }

    private async Task<string> WaitForLogAsync(string page, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var html = await Admin.HtmlAsync(page);
            if (done(html)) return html;
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the log shows the delivery's answer:\n" + html);
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task A_webhook_added_here_gets_a_publish_the_log_shows_the_answer_and_redeliver_and_ping_send_again()
    {
        using var receiver = new LoopbackReceiver();
        using var added = await AddAsync("loopback", receiver.Url, ["published"], "Page");
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await added.Content.ReadAsStringAsync());
        var page = added.Headers.Location!.OriginalString.Split('?')[0];
        var shown = await Admin.HtmlAsync(added.Headers.Location!.OriginalString);
        var stored = await FindAsync("loopback");
        Assert.That(shown, Does.Contain($"data-testid=\"secret\">{stored!.Secret}<"), "the signing secret is shown once");
        Assert.That(await Admin.HtmlAsync(page), Does.Not.Contain("data-testid=\"secret\""));

        receiver.Status = HttpStatusCode.Accepted;
        await Site.CreateItemAsync("Page", "Sent to the partner", publish: true);
        await receiver.WaitForAsync("published");
        var log = await WaitForLogAsync(page, html => html.Contains(">202<"));
        Assert.That(log, Does.Contain("data-event=\"published\"").And.Contain("Delivered"));

        var deliveryId = DeliveryId().Match(log).Groups["id"].Value;
        receiver.Status = HttpStatusCode.InternalServerError;
        using (var redeliver = await Admin.PostFormAsync(page, [new("deliveryId", deliveryId)], $"{page}?handler=redeliver"))
        {
            Assert.That(redeliver.Headers.Location!.OriginalString, Is.EqualTo($"{page}?done=redelivered"));
        }
        await receiver.WaitForAsync("published", 2);
        log = await WaitForLogAsync(page, html => html.Contains(">500<"));
        Assert.That(log, Does.Contain("Retrying"), "a failed redelivery waits for its next try");

        receiver.Status = HttpStatusCode.OK;
        using (var ping = await Admin.PostFormAsync(page, [], $"{page}?handler=ping"))
        {
            Assert.That(ping.Headers.Location!.OriginalString, Is.EqualTo($"{page}?done=pinged"));
        }
        await receiver.WaitForAsync(WebhookEndpoints.PingEvent);
        log = await WaitForLogAsync(page, html => html.Contains("data-event=\"ping\"") && html.Contains(">200<"));
    }

    [Test]
    public async Task Adding_refuses_a_bad_url_no_events_an_unknown_type_and_a_taken_name_and_stores_nothing()
    {
        using (var first = await AddAsync("taken", "https://partner.example/hooks", ["published"]))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }
        using var badUrl = await AddAsync("bad-url", "ftp://partner.example/hooks", ["published"]);
        using var relative = await AddAsync("relative", "/hooks", ["published"]);
        using var noEvents = await AddAsync("no-events", "https://partner.example/hooks", []);
        using var unknownType = await AddAsync("unknown-type", "https://partner.example/hooks", ["published"], "NoSuchType");
        using var taken = await AddAsync("taken", "https://other.example/hooks", ["removed"]);

        Assert.That(badUrl.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await badUrl.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("Enter a full web address"));
        Assert.That(await relative.Content.ReadAsStringAsync(), Does.Contain("Enter a full web address"));
        Assert.That(await noEvents.Content.ReadAsStringAsync(), Does.Contain("Choose at least one event"));
        Assert.That(await unknownType.Content.ReadAsStringAsync(), Does.Contain("NoSuchType").And.Contain("is not a content type"));
        Assert.That(await taken.Content.ReadAsStringAsync(), Does.Contain("A webhook named").And.Contain("already exists"));
        foreach (var name in new[] { "bad-url", "relative", "no-events", "unknown-type" })
        {
            Assert.That(await FindAsync(name), Is.Null, name);
        }
        Assert.That((await FindAsync("taken"))!.Url, Is.EqualTo("https://partner.example/hooks"), "the taken name's webhook is unchanged");
    }

    [Test]
    public async Task Turning_a_webhook_off_and_editing_it_keep_its_secret()
    {
        using var added = await AddAsync("switchable", "https://partner.example/hooks", ["published", "removed"]);
        var page = added.Headers.Location!.OriginalString.Split('?')[0];
        var secret = (await FindAsync("switchable"))!.Secret;

        using (await Admin.PostFormAsync(page, [], $"{page}?handler=disable")) { }
        Assert.That((await FindAsync("switchable"))!.Enabled, Is.False);
        using (var edited = await Admin.PostFormAsync($"{page}/edit", [new("Url", "https://partner.example/v2"), new("Events", "unpublished")]))
        {
            Assert.That(edited.Headers.Location!.OriginalString, Is.EqualTo($"{page}?saved=true"));
        }
        var endpoint = (await FindAsync("switchable"))!;
        Assert.That((endpoint.Url, endpoint.Events, endpoint.Enabled, endpoint.Secret),
            Is.EqualTo(("https://partner.example/v2", WebhookEvents.Unpublished, false, secret)));
    }

    [Test]
    public async Task Adding_editing_switching_a_new_secret_and_removing_a_webhook_are_each_audited_with_who_did_it()
    {
        using var added = await AddAsync("audited", "https://partner.example/hooks", ["published"], "Page");
        var page = added.Headers.Location!.OriginalString.Split('?')[0];
        using (await Admin.PostFormAsync($"{page}/edit", [new("Url", "https://partner.example/v2"), new("Events", "published"), new("Events", "removed")])) { }
        using (await Admin.PostFormAsync(page, [], $"{page}?handler=disable")) { }
        using (await Admin.PostFormAsync(page, [], $"{page}?handler=disable")) { }
        using (await Admin.PostFormAsync(page, [], $"{page}?handler=enable")) { }
        using (await Admin.PostFormAsync(page, [], $"{page}?handler=rotate")) { }
        using (await Admin.PostFormAsync($"{page}/remove", [])) { }

        var rows = (await UsersSupport.AuditAsync(Site, AuditKind.WebhookAdded, AuditKind.WebhookChanged, AuditKind.WebhookDisabled,
            AuditKind.WebhookEnabled, AuditKind.WebhookSecretRotated, AuditKind.WebhookRemoved)).Where(e => e.DisplayText == "Webhook audited").OrderBy(e => e.OccurredUtc).ToList();
        Assert.That(rows.Select(e => e.Kind), Is.EqualTo(new[]
        {
            AuditKind.WebhookAdded, AuditKind.WebhookChanged, AuditKind.WebhookDisabled, AuditKind.WebhookEnabled,
            AuditKind.WebhookSecretRotated, AuditKind.WebhookRemoved,
        }), "turning off what is off already records nothing");
        Assert.That(rows.Select(e => e.UserName).Distinct(), Is.EqualTo(new[] { AdminSite.AdminUserName }));
        Assert.That(rows[0].Detail, Is.EqualTo("https://partner.example/hooks; events: Published; types: Page"));
        Assert.That(rows[1].Detail, Is.EqualTo("https://partner.example/v2; events: Published, Removed; all types"));
    }

    [Test]
    public async Task Without_ManageWebhooks_the_pages_are_forbidden()
    {
        using var editor = Site.NewClient();
        await editor.SignInAsync("editor", Password);
        using var list = await editor.GetAsync("/admin/webhooks");
        using var add = await editor.GetAsync("/admin/webhooks/new");
        Assert.That((list.StatusCode, add.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    [GeneratedRegex("data-delivery=\"(?<id>[^\"]+)\"")]
    private static partial Regex DeliveryId();
}
