// Why: the site settings an administrator saves are stored in Orchard's SiteSettings shape and win over configuration
// at once, without a restart: the readers' site's name, the admin's page size and time zone, the upload limits and the
// mail settings. Bad input is refused field by field and stores nothing; the SMTP password is stored protected, never
// shown back and kept when left blank; a test email is really written; only those who manage settings may do this.
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Scheduling;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Mail;
using OneDigital.Content.Media.Uploads;
using OneDigital.Content.Settings;

namespace OneDigital.Admin.Tests.Settings;

[NonParallelizable]
public sealed class SettingsPageTests : AdminSiteTests
{
    private const string Path = "/admin/settings";

    [Test]
    public async Task Saved_settings_are_stored_in_Orchards_shape_and_the_site_admin_and_uploads_use_them_without_a_restart()
    {
        using var saved = await SaveAsync(new() { ["SiteName"] = "Renamed hub", ["TimeZoneId"] = "America/New_York", ["PageSize"] = "5", ["MaxFileSize"] = "0.002" });

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await Admin.HtmlAsync(saved.Headers.Location!.ToString()), Does.Contain("The settings are saved."));
        var site = await DocumentAsync();
        Assert.That(((string?)site["SiteName"], (string?)site["TimeZoneId"], (int?)site["PageSize"]), Is.EqualTo(("Renamed hub", "America/New_York", 5)));
        Assert.That((long?)site["MediaLimits"]!["MaxFileSize"], Is.EqualTo(2000));
        Assert.That(site["MediaLimits"]!["MaxImageSide"], Is.Null, "a limit left as configured is not stored");
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { Kinds = [AuditKind.SiteSettingsChanged] });
            Assert.That(audit.Events[0].Detail, Is.EqualTo("Changed: site name, time zone, page size, largest upload"));
        }

        using var http = new HttpClient { BaseAddress = Site.Address };
        Assert.That(await http.GetStringAsync("/"), Does.Contain("Renamed hub"));
        Assert.That(WebUtility.HtmlDecode(await Admin.HtmlAsync("/admin/content")), Does.Match("1–5 of [0-9]+ items"));
        Assert.That(Site.Services.GetRequiredService<SiteTime>().ZoneName, Is.EqualTo("America/New_York"));
        Assert.That(Site.Services.GetRequiredService<UploadCheck>().LimitFor("report.pdf"), Is.EqualTo(2000));

        using var back = await SaveAsync(new() { ["SiteName"] = "One Digital", ["TimeZoneId"] = "UTC", ["PageSize"] = "20", ["MaxFileSize"] = "10" });
        await Admin.HtmlAsync(back.Headers.Location!.ToString());
        Assert.That(Site.Services.GetRequiredService<UploadCheck>().LimitFor("report.pdf"), Is.EqualTo(10_000_000));
    }

    [Test]
    public async Task Bad_values_are_refused_each_beside_its_field_and_nothing_is_stored()
    {
        var before = (await DocumentAsync()).ToJsonString();

        using var refused = await SaveAsync(new() { ["SiteName"] = " ", ["TimeZoneId"] = "Mars/Olympus_Mons", ["SmtpPort"] = "70000", ["MaxFileSize"] = "-1", ["MaxImageSide"] = "abc" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("govuk-error-summary"));
        foreach (var field in new[] { "SiteName", "TimeZoneId", "SmtpPort", "MaxFileSize", "MaxImageSide" })
        {
            Assert.That(html, Does.Contain($"href=\"#{field}\"").And.Contain($"id=\"{field}-error\""), field);
        }
        Assert.That(html, Does.Contain("'Mars/Olympus_Mons' is not a time zone").And.Contain("The SMTP port must be a whole number from 1 to 65,535"));
        Assert.That((await DocumentAsync()).ToJsonString(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_SMTP_password_is_stored_protected_never_shown_back_and_kept_when_left_blank()
    {
        using var saved = await SaveAsync(new() { ["SmtpHost"] = "smtp.example.test", ["SmtpUserName"] = "mailer", ["SmtpPassword"] = "S3cret-mail-pass", ["SmtpSecurity"] = "SslOnConnect", ["SmtpPort"] = "465" });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var smtp = (await DocumentAsync())["SmtpSettings"]!;
        Assert.That(((string?)smtp["Host"], (int?)smtp["Port"], (string?)smtp["EncryptionMethod"], (string?)smtp["UserName"]), Is.EqualTo(("smtp.example.test", 465, "SslTls", "mailer")));
        var stored = (string)smtp["Password"]!;
        Assert.That(stored, Does.Not.Contain("S3cret"));
        var page = await Admin.HtmlAsync(Path);
        Assert.That(page, Does.Not.Contain("S3cret-mail-pass").And.Contain("A password is saved and is never shown."));

        using var again = await SaveAsync(new() { ["SmtpHost"] = "smtp.example.test", ["SmtpUserName"] = "mailer", ["SmtpPassword"] = "", ["SmtpSecurity"] = "SslOnConnect", ["SmtpPort"] = "465" });
        Assert.That((string?)(await DocumentAsync())["SmtpSettings"]!["Password"], Is.EqualTo(stored), "a blank password keeps the saved one");
        var effective = await Site.Services.GetRequiredService<MailSender>().SettingsAsync();
        Assert.That((effective.Smtp.Host, effective.Smtp.Password, effective.Smtp.Security), Is.EqualTo(("smtp.example.test", "S3cret-mail-pass", SmtpSecurity.SslOnConnect)));

        using var cleared = await SaveAsync(new() { ["SmtpHost"] = "", ["SmtpClearPassword"] = "true" });
        Assert.That((await DocumentAsync())["SmtpSettings"]?["Password"], Is.Null);
        Assert.That((await Site.Services.GetRequiredService<MailSender>().SettingsAsync()).Smtp.Host, Is.Empty);
    }

    [Test]
    public async Task A_test_email_is_written_to_the_pickup_folder_when_no_SMTP_server_is_set_and_audited()
    {
        using var saved = await SaveAsync(new() { ["SmtpHost"] = "" });
        var pickup = Site.Services.GetRequiredService<MailSender>().PickupDirectory;
        var before = Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").Length : 0;

        using var bad = await Admin.PostFormAsync(Path, [new("TestTo", "not an address")], Path + "?handler=TestMail");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("href=\"#TestTo\""));

        using var sent = await Admin.PostFormAsync(Path, [new("TestTo", "someone@example.test")], Path + "?handler=TestMail");
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await Admin.HtmlAsync(sent.Headers.Location!.ToString()), Does.Contain("A test email was sent to someone@example.test (written to the pickup folder)"));
        var files = Directory.GetFiles(pickup, "*.eml");
        Assert.That(files, Has.Length.EqualTo(before + 1));
        Assert.That(files.Select(File.ReadAllText).Any(f => f.Contains("Test email from", StringComparison.Ordinal) && f.Contains("someone@example.test", StringComparison.Ordinal)), Is.True);
        await using var scope = Site.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { PageSize = 500 });
        Assert.That(events.Events.Single(e => e.Kind == AuditKind.TestEmailSent).Detail, Is.EqualTo("To someone@example.test through the pickup folder"));
    }

    [Test]
    public async Task Only_those_who_manage_settings_may_open_or_save_them()
    {
        await Site.AddUserAsync("settingseditor", "Editor-Pa55word!", "Editor");
        using var editor = Site.NewClient();
        await editor.SignInAsync("settingseditor", "Editor-Pa55word!");

        using var get = await editor.GetAsync(Path);
        var token = AdminClient.AntiforgeryToken(await editor.HtmlAsync("/admin/account"));
        using var post = await editor.PostRawAsync(Path, [new("SiteName", "Taken over"), new(AdminClient.AntiforgeryField, token)]);

        Assert.That((get.StatusCode, post.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That((string?)(await DocumentAsync())["SiteName"], Is.Not.EqualTo("Taken over"));
        Assert.That(await Admin.HtmlAsync("/admin/configuration"), Does.Contain($"href=\"{Path}\""));
    }

    /// <summary>Posts the form as shown (the settings in effect), with some fields changed.</summary>
    private async Task<HttpResponseMessage> SaveAsync(Dictionary<string, string> changes)
    {
        var html = await Admin.HtmlAsync(Path);
        var fields = new Dictionary<string, string>();
        foreach (var name in new[] { "SiteName", "TimeZoneId", "PageSize", "SmtpHost", "SmtpPort", "SmtpUserName", "MaxFileSize", "MaxImagePixels", "MaxImageSide" })
        {
            fields[name] = OneDigital.Admin.Tests.Editing.EditorSupport.InputValue(html, name) ?? "";
        }
        fields["SmtpSecurity"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"SmtpSecurity\" type=\"radio\" value=\"(\\w+)\" checked").Groups[1].Value;
        foreach (var (name, value) in changes) fields[name] = value;
        return await Admin.PostFormAsync(Path, fields);
    }

    private async Task<JsonObject> DocumentAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync();
    }
}
