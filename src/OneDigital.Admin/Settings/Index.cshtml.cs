// Why: an administrator sets the site's name, time zone, page size, SMTP server and media limits here instead of in
// configuration. What is saved goes into the site settings document (Orchard's SiteSettings: SiteName, TimeZoneId,
// PageSize, SmtpSettings; this CMS's MediaLimits) and wins over configuration on every node without a restart
// (Content/Settings/StoredSiteSettings). A value equal to configuration's is stored only when it was stored before,
// so configuration keeps deciding what nobody changed here. The SMTP password is stored protected and never shown
// back; a blank password keeps the saved one. "Send a test email" sends through the settings in effect.
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;
using OneDigital.Admin.Scheduling;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Items;
using OneDigital.Content.Mail;
using OneDigital.Content.Media;
using OneDigital.Content.Security;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Settings;

public sealed class IndexModel(
    SiteSettingsStore settings, StoreTransaction transaction, AuditTrail audit, StoredSiteSettings stored, SmtpPasswordProtection passwords,
    MailSender mail, IOptions<AdminOptions> admin, IOptionsMonitor<MailOptions> mailOptions, IOptions<MediaOptions> media) : AdminPage
{
    public const string Path = "/admin/settings";

    private const double Mega = 1_000_000;

    [BindProperty] public string? SiteName { get; set; }
    [BindProperty] public string? TimeZoneId { get; set; }
    [BindProperty] public string? PageSize { get; set; }
    [BindProperty] public string? SmtpHost { get; set; }
    [BindProperty] public string? SmtpPort { get; set; }
    [BindProperty] public string? SmtpSecurity { get; set; }
    [BindProperty] public string? SmtpUserName { get; set; }
    [BindProperty] public string? SmtpPassword { get; set; }
    [BindProperty] public bool SmtpClearPassword { get; set; }
    [BindProperty] public string? MaxFileSize { get; set; }
    [BindProperty] public string? MaxImagePixels { get; set; }
    [BindProperty] public string? MaxImageSide { get; set; }
    [BindProperty] public string? TestTo { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")] public bool Saved { get; set; }
    [BindProperty(SupportsGet = true, Name = "sent")] public string? SentTo { get; set; }

    /// <summary>Whether an SMTP password is in effect (stored or configured), which the page says without showing it.</summary>
    public bool HasPassword { get; private set; }

    /// <summary>Whether mail goes to the pickup folder (no SMTP host in effect).</summary>
    public bool UsesPickup { get; private set; }

    public string PickupDirectory => mail.PickupDirectory;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageSettings) is { } refused) return refused;
        await ShowEffectiveAsync(fill: true);
        TestTo = User.FindFirstValue(ClaimTypes.Email) ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageSettings) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var values = Validate();
        if (!ModelState.IsValid || values is null)
        {
            await ShowEffectiveAsync(fill: false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var configuredMail = mailOptions.CurrentValue.Smtp;
        var configuredMedia = media.Value;
        var configuredZone = admin.Value.TimeZone;
        var changed = new List<string>();
        await transaction.RunAsync(async () =>
        {
            await settings.UpdateAsync(site =>
            {
                Set(site, "SiteName", values.SiteName, null, "site name");
                Set(site, "TimeZoneId", values.TimeZoneId, configuredZone, "time zone");
                Set(site, "PageSize", values.PageSize, null, "page size");
                var smtp = Section(site, SiteSettingsValues.SmtpSection);
                Set(smtp, "Host", values.SmtpHost, configuredMail.Host ?? "", "SMTP host");
                Set(smtp, "Port", values.SmtpPort, configuredMail.Port, "SMTP port");
                Set(smtp, "EncryptionMethod", SiteSettingsValues.SecurityName(values.SmtpSecurity!.Value), SiteSettingsValues.SecurityName(configuredMail.Security), "SMTP security");
                Set(smtp, "UserName", values.SmtpUserName, configuredMail.UserName ?? "", "SMTP user name");
                if (SmtpClearPassword && smtp.ContainsKey("Password"))
                {
                    smtp.Remove("Password");
                    changed.Add("SMTP password removed");
                }
                else if (!string.IsNullOrEmpty(SmtpPassword))
                {
                    smtp["Password"] = passwords.Protect(SmtpPassword);
                    changed.Add("SMTP password");
                }
                var limits = Section(site, SiteSettingsValues.MediaSection);
                Set(limits, "MaxFileSize", values.MaxFileSize, configuredMedia.MaxFileSize, "largest upload");
                Set(limits, "MaxImagePixels", values.MaxImagePixels, configuredMedia.MaxImagePixels, "largest image");
                Set(limits, "MaxImageSide", values.MaxImageSide, configuredMedia.MaxImageSide, "longest image side");
                // Orchard's flag, kept beside the SMTP settings stored here.
                smtp.Remove("RequireCredentials");
                if (smtp.Count > 0) smtp["RequireCredentials"] = JsonValues.NonEmptyString(smtp["UserName"]) is not null;
                if (smtp.Count == 0) site.Remove(SiteSettingsValues.SmtpSection);
                if (limits.Count == 0) site.Remove(SiteSettingsValues.MediaSection);
            }, ct);
            if (changed.Count > 0)
            {
                await audit.RecordAsync(new AuditEntry(AuditKind.SiteSettingsChanged) { Detail = "Changed: " + string.Join(", ", changed) }, ct);
            }
        }, ct);

        return Redirect(Path + "?saved=true");

        void Set<T>(JsonObject owner, string key, T? value, T? configured, string name)
        {
            var before = owner[key]?.DeepClone();
            // Stored only when it says something configuration does not, or was stored already (an override kept).
            if (value is null || (before is null && EqualityComparer<T>.Default.Equals(value, configured)))
            {
                return;
            }
            owner[key] = JsonValue.Create(value);
            if (before is null || !JsonNode.DeepEquals(before, owner[key])) changed.Add(name);
        }
    }

    public async Task<IActionResult> OnPostTestMailAsync()
    {
        if (await DemandAsync(Permissions.ManageSettings) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var to = (TestTo ?? "").Trim();
        if (!MailboxAddress.TryParse(to, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(TestTo), "Enter an email address to send the test email to, like name@example.org");
        }
        else
        {
            var settings = await mail.SettingsAsync(ct);
            var siteName = (await stored.GetAsync(ct)).SiteName ?? "One Digital";
            try
            {
                await mail.SendAsync(new OutgoingMail([to], $"Test email from {siteName}")
                {
                    TextBody = $"This is a test email from the {siteName} admin, sent by {User.Identity?.Name}. If you can read it, the site's email settings work.",
                }, ct);
                var via = string.IsNullOrWhiteSpace(settings.Smtp.Host) ? "the pickup folder" : $"SMTP {settings.Smtp.Host}:{settings.Smtp.Port}";
                await audit.RecordAsync(new AuditEntry(AuditKind.TestEmailSent) { Detail = $"To {to} through {via}" }, ct);
                return Redirect($"{Path}?sent={Uri.EscapeDataString(to)}#test-email");
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                ModelState.AddModelError(nameof(TestTo), $"The test email could not be sent: {failed.Message}");
            }
        }
        await ShowEffectiveAsync(fill: true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private sealed record Values(string SiteName, string TimeZoneId, int? PageSize, string SmtpHost, int SmtpPort, SmtpSecurity? SmtpSecurity,
        string SmtpUserName, long MaxFileSize, long MaxImagePixels, int MaxImageSide);

    /// <summary>The posted values checked, each error in ModelState under its field; null when any is wrong.</summary>
    private Values? Validate()
    {
        var siteName = (SiteName ?? "").Trim();
        if (siteName.Length == 0) ModelState.AddModelError(nameof(SiteName), "Enter the site's name");
        else if (siteName.Length > 255) ModelState.AddModelError(nameof(SiteName), "The site's name must be 255 characters or fewer");
        var zone = (TimeZoneId ?? "").Trim();
        if (SiteTime.Find(zone) is null) ModelState.AddModelError(nameof(TimeZoneId), $"'{zone}' is not a time zone this server knows: enter one such as Europe/London or UTC");
        var pageSize = Whole(PageSize ?? "", nameof(PageSize), "The page size", 1, 1000);
        var host = (SmtpHost ?? "").Trim();
        if (host.Length > 255 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) ModelState.AddModelError(nameof(SmtpHost), "Enter the SMTP server's host name without spaces, such as smtp.example.org");
        var port = Whole(SmtpPort ?? "", nameof(SmtpPort), "The SMTP port", 1, 65535);
        SmtpSecurity? security = Enum.TryParse<SmtpSecurity>(SmtpSecurity ?? "", out var s) && Enum.IsDefined(s) ? s : null;
        if (security is null) ModelState.AddModelError(nameof(SmtpSecurity), "Choose how the connection to the SMTP server is protected");
        var user = (SmtpUserName ?? "").Trim();
        if (!string.IsNullOrEmpty(SmtpPassword) && user.Length == 0) ModelState.AddModelError(nameof(SmtpUserName), "Enter the SMTP user name the password belongs to");
        var maxFile = Decimal(MaxFileSize ?? "", nameof(MaxFileSize), "The largest upload", Mega, 1);
        var maxPixels = Decimal(MaxImagePixels ?? "", nameof(MaxImagePixels), "The largest image", Mega, 1);
        var maxSide = Whole(MaxImageSide ?? "", nameof(MaxImageSide), "The longest image side", 1, 100_000);
        if (!ModelState.IsValid) return null;
        return new Values(siteName, zone, pageSize, host, port!.Value, security, user, maxFile!.Value, maxPixels!.Value, maxSide!.Value);
    }

    private int? Whole(string text, string field, string what, int min, int max)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        ModelState.AddModelError(field, $"{what} must be a whole number from {min:N0} to {max:N0}");
        return null;
    }

    /// <summary>A positive number of millions (megabytes, megapixels) as the whole count it stands for.</summary>
    private long? Decimal(string text, string field, string what, double unit, long min)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n * unit >= min && n * unit <= 1e13)
        {
            return (long)Math.Round(n * unit);
        }
        ModelState.AddModelError(field, $"{what} must be a number more than 0");
        return null;
    }

    private static JsonObject Section(JsonObject site, string name)
    {
        if (site[name] is not JsonObject section) site[name] = section = [];
        return section;
    }

    /// <summary>The settings in effect (stored, else configured); <paramref name="fill"/> puts them in the form.</summary>
    private async Task ShowEffectiveAsync(bool fill)
    {
        var values = await stored.GetAsync(HttpContext.RequestAborted);
        var effectiveMail = await mail.SettingsAsync(HttpContext.RequestAborted);
        var effectiveMedia = StoredSiteSettings.Media(media.Value, values);
        HasPassword = !string.IsNullOrEmpty(effectiveMail.Smtp.Password) || values.SmtpProtectedPassword is not null;
        UsesPickup = string.IsNullOrWhiteSpace(effectiveMail.Smtp.Host);
        if (!fill) return;
        SiteName = values.SiteName ?? "";
        TimeZoneId = values.TimeZoneId ?? admin.Value.TimeZone;
        PageSize = (values.PageSize ?? ContentItems.IndexModel.DefaultPageSize).ToString(CultureInfo.InvariantCulture);
        SmtpHost = effectiveMail.Smtp.Host ?? "";
        SmtpPort = effectiveMail.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        SmtpSecurity = effectiveMail.Smtp.Security.ToString();
        SmtpUserName = effectiveMail.Smtp.UserName ?? "";
        MaxFileSize = (effectiveMedia.MaxFileSize / Mega).ToString("0.###", CultureInfo.InvariantCulture);
        MaxImagePixels = (effectiveMedia.MaxImagePixels / Mega).ToString("0.###", CultureInfo.InvariantCulture);
        MaxImageSide = effectiveMedia.MaxImageSide.ToString(CultureInfo.InvariantCulture);
    }
}
