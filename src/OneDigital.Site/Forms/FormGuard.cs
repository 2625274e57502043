// Why: the site's forms take posts from anyone, so instead of a CAPTCHA each post must show it came from a page of
// this site (its Origin), from a form this site signed a while ago (not too fast for a person, not stale), and with
// the honeypot field left empty. The signed form token is stateless, with no cookie: the home page's sign-up form is
// served from the output cache to everyone, and the site has no signed-in readers whose session a forged post could
// ride on, so the Origin check (OWASP's "verifying origin with standard headers") is the cross-site defence. The
// app's ASP.NET Core antiforgery cookie belongs to the admin (its path is /admin), so it cannot serve the site.
// The trade-off of the cached home page: its token names the time the page was rendered, not the time this reader
// was shown it, so for every reader after the first (until the entry moves on, at most SiteOptions.CacheDuration) the
// minimum fill time is already over when the page arrives; the form's own page (/e-bulletin) is never cached and
// keeps the full check. A fresh token per hit would cost a signature and a re-compression of the cached bytes on
// every home page view (issue 14 measures a cached hit against a bare endpoint), while a bot that fetches the home
// page still meets the Origin check, the honeypot, the per-address rate limit and the double opt-in by email.
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneDigital.Content.Bulletin;

namespace OneDigital.Site.Forms;

/// <summary>What the checks of a post found.</summary>
public enum FormCheck
{
    /// <summary>From this site, signed, filled in at a person's pace, honeypot empty.</summary>
    Passed,
    /// <summary>Not from a page of this site, or the token is missing, forged or for another form.</summary>
    Forged,
    /// <summary>The form was shown longer ago than <see cref="SiteFormsOptions.MaximumFormAge"/>.</summary>
    Expired,
    /// <summary>Sent sooner than <see cref="SiteFormsOptions.MinimumFillTime"/> after it was shown.</summary>
    TooFast,
    /// <summary>The honeypot field has a value.</summary>
    Honeypot,
}

public sealed class FormGuard(IDataProtectionProvider protection, IOptions<SiteFormsOptions> options, IOptions<PublicSiteOptions> site, TimeProvider clock)
{
    /// <summary>The hidden field that carries the signed token.</summary>
    public const string TokenField = "form_token";

    /// <summary>The honeypot: a text input hidden from people and screen readers, labelled for programs that fill every field.</summary>
    public const string HoneypotField = "website";

    private readonly IDataProtector _protector = protection.CreateProtector("OneDigital.Site.Forms.v1");

    /// <summary>A signed token naming <paramref name="form"/> and the time it was shown.</summary>
    public string Issue(string form) =>
        _protector.Protect($"{form}|{clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Checks a post of <paramref name="form"/>.</summary>
    public FormCheck Check(HttpContext http, IFormCollection posted, string form)
    {
        if (!FromThisSite(http.Request)) return FormCheck.Forged;
        if (Read(posted[TokenField].ToString()) is not [var name, var shown] || name != form
            || !long.TryParse(shown, NumberStyles.None, CultureInfo.InvariantCulture, out var shownMs))
        {
            return FormCheck.Forged;
        }
        if (!string.IsNullOrEmpty(posted[HoneypotField].ToString())) return FormCheck.Honeypot;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(shownMs);
        if (age > options.Value.MaximumFormAge) return FormCheck.Expired;
        return age < options.Value.MinimumFillTime ? FormCheck.TooFast : FormCheck.Passed;
    }

    /// <summary>The message a person sees above the form when a check fails, or null when it passed.</summary>
    public static string? Message(FormCheck check) => check switch
    {
        FormCheck.Passed => null,
        FormCheck.Expired => "The form was open for a long time, so it was not sent. Check your answers and send it again.",
        FormCheck.TooFast => "The form was sent very quickly, so it was not sent. Check your answers and send it again.",
        FormCheck.Honeypot => "The form was not sent. Leave the field labelled \"Leave this field empty\" empty and send it again.",
        _ => "The form was not sent. Send it again from this page.",
    };

    /// <summary>
    /// A browser's Sec-Fetch-Site (which pages cannot set) says same-origin; without it, the Origin header names this
    /// host or the configured public address, or else the Referer does. (Under the site's no-referrer policy a browser
    /// sends "Origin: null" even for its own pages, so Sec-Fetch-Site is what current browsers are judged by.)
    /// </summary>
    private bool FromThisSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite == "same-origin";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
        {
            origin = referer.GetLeftPart(UriPartial.Authority);
        }
        if (origin.Length == 0 || origin == "null") return false;
        if (string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)) return true;
        return site.Value.PublicUrl is { IsAbsoluteUri: true } url
            && string.Equals(origin, url.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }

    private string[]? Read(string token)
    {
        if (token.Length is 0 or > 1024) return null;
        try
        {
            return _protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
