// Why: the site name, time zone, page size, SMTP server and media limits come from configuration, and an
// administrator may change them in the admin without a restart; what the admin stores (in the site settings document,
// Orchard's SiteSettings shape where there is one) wins over configuration, field by field. Every node must see a
// change: the document is a WatchedDocument, so StoreVersions (one cheap poll a second, at once after this node's
// save) says when to read it again, and the parsed values are kept process-wide until then. Synchronous readers (the
// admin's time zone, the upload checks) read Current, which each admin request and each upload refreshes first.
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Mail;
using OneDigital.Content.Media;
using OneDigital.Content.Store;

namespace OneDigital.Content.Settings;

/// <summary>The settings an administrator stored; null for any not stored (configuration decides).</summary>
public sealed record SiteSettingsValues
{
    /// <summary>Orchard's section of SMTP settings in the site settings document.</summary>
    public const string SmtpSection = "SmtpSettings";

    /// <summary>This CMS's section of media upload limits (Orchard keeps them in configuration only).</summary>
    public const string MediaSection = "MediaLimits";

    public static readonly SiteSettingsValues None = new();

    public string? SiteName { get; init; }
    public string? TimeZoneId { get; init; }
    public int? PageSize { get; init; }

    public string? SmtpHost { get; init; }
    public int? SmtpPort { get; init; }
    public SmtpSecurity? SmtpSecurity { get; init; }
    public string? SmtpUserName { get; init; }

    /// <summary>The SMTP password as stored: protected with the site's data protection keys (<see cref="SmtpPasswordProtection"/>).</summary>
    public string? SmtpProtectedPassword { get; init; }

    public long? MaxFileSize { get; init; }
    public long? MaxImagePixels { get; init; }
    public int? MaxImageSide { get; init; }

    public static SiteSettingsValues From(JsonObject site)
    {
        var smtp = site[SmtpSection] as JsonObject;
        var media = site[MediaSection] as JsonObject;
        return new SiteSettingsValues
        {
            SiteName = JsonValues.NonEmptyString(site["SiteName"]),
            TimeZoneId = JsonValues.NonEmptyString(site["TimeZoneId"]),
            PageSize = Int(site["PageSize"]) is > 0 and var size ? size : null,
            // An empty host is a choice (write to the pickup folder), so only an absent one leaves it to configuration.
            SmtpHost = smtp?["Host"] is { } host ? JsonValues.ScalarText(host) ?? "" : null,
            SmtpPort = Int(smtp?["Port"]),
            SmtpSecurity = Security(JsonValues.NonEmptyString(smtp?["EncryptionMethod"])),
            SmtpUserName = smtp?["UserName"] is { } user ? JsonValues.ScalarText(user) ?? "" : null,
            SmtpProtectedPassword = JsonValues.NonEmptyString(smtp?["Password"]),
            MaxFileSize = Long(media?["MaxFileSize"]),
            MaxImagePixels = Long(media?["MaxImagePixels"]),
            MaxImageSide = Int(media?["MaxImageSide"]),
        };
    }

    /// <summary>Orchard's names of the SMTP encryption methods.</summary>
    public static string SecurityName(SmtpSecurity security) => security switch
    {
        Mail.SmtpSecurity.None => "None",
        Mail.SmtpSecurity.SslOnConnect => "SslTls",
        _ => "StartTls",
    };

    private static SmtpSecurity? Security(string? name) => name?.ToUpperInvariant() switch
    {
        "NONE" => Mail.SmtpSecurity.None,
        "SSLTLS" or "SSLONCONNECT" => Mail.SmtpSecurity.SslOnConnect,
        "STARTTLS" => Mail.SmtpSecurity.StartTls,
        _ => null,
    };

    private static int? Int(JsonNode? node) => JsonValues.Number(node) is { } n && n >= int.MinValue && n <= int.MaxValue ? (int)n : null;

    private static long? Long(JsonNode? node) => JsonValues.Number(node) is { } n && n >= 0 && n <= 1e15 ? (long)n : null;
}

/// <summary>The stored site settings, read once per change of the document on any node (see the file's note).</summary>
public sealed class StoredSiteSettings(StoreVersions versions, IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private (int Version, SiteSettingsValues Values) _read = (-1, SiteSettingsValues.None);

    /// <summary>The values as last read: for synchronous readers, after something this request awaited refreshed them.</summary>
    public SiteSettingsValues Current => _read.Values;

    /// <summary>The values now: read again only when the document's version moved.</summary>
    public async ValueTask<SiteSettingsValues> GetAsync(CancellationToken ct = default)
    {
        var version = (await versions.GetAsync(ct)).Of(SiteSettingsStore.Watched);
        if (_read.Version == version) return _read.Values;
        await _reading.WaitAsync(ct);
        try
        {
            if (_read.Version == version) return _read.Values;
            await using var scope = scopes.CreateAsyncScope();
            var json = await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
            _read = (version, SiteSettingsValues.From(json));
            return _read.Values;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>The mail settings in effect: configuration with the stored SMTP settings over it.</summary>
    public static MailOptions Mail(MailOptions configured, SiteSettingsValues stored, Func<string, string> unprotect)
    {
        var smtp = configured.Smtp;
        return new MailOptions
        {
            FromAddress = configured.FromAddress,
            FromName = configured.FromName,
            PickupDirectory = configured.PickupDirectory,
            Smtp = new SmtpSettings
            {
                Host = stored.SmtpHost ?? smtp.Host,
                Port = stored.SmtpPort ?? smtp.Port,
                Security = stored.SmtpSecurity ?? smtp.Security,
                UserName = stored.SmtpUserName ?? smtp.UserName,
                Password = stored.SmtpProtectedPassword is { } protectedPassword ? unprotect(protectedPassword) : smtp.Password,
            },
        };
    }

    /// <summary>The media limits in effect: configuration with the stored limits over it.</summary>
    public static MediaOptions Media(MediaOptions configured, SiteSettingsValues stored) =>
        stored.MaxFileSize is null && stored.MaxImagePixels is null && stored.MaxImageSide is null
            ? configured
            : new MediaOptions
            {
                AllowedFileExtensions = configured.AllowedFileExtensions,
                MaxFileSize = stored.MaxFileSize ?? configured.MaxFileSize,
                MaxFileSizes = configured.MaxFileSizes,
                MaxImagePixels = stored.MaxImagePixels ?? configured.MaxImagePixels,
                MaxImageSide = stored.MaxImageSide ?? configured.MaxImageSide,
                Storage = configured.Storage,
                SharedPath = configured.SharedPath,
            };
}
