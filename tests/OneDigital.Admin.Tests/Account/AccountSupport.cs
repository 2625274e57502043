// Why: the account tests read what a person would: the newest email in the pickup folder (parsed with MimeKit, as a
// mail client would), the link in it, the key on the two-factor page, and the audit rows the actions left.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Mail;

namespace OneDigital.Admin.Tests.Account;

internal static partial class AccountSupport
{
    public static string PickupFolder(AdminSite site) => site.Services.GetRequiredService<MailSender>().PickupDirectory;

    /// <summary>The messages in the pickup folder, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Mails(AdminSite site)
    {
        var folder = PickupFolder(site);
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];
    }

    /// <summary>The messages sent to <paramref name="address"/>.</summary>
    public static IReadOnlyList<MimeMessage> MailsTo(AdminSite site, string address) =>
        [.. Mails(site).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The reset link in a message: the path and query, to open on the site.</summary>
    public static string ResetLink(MimeMessage message)
    {
        var match = ResetUrl().Match(message.TextBody ?? "");
        Assert.That(match.Success, Is.True, $"a reset link in:\n{message.TextBody}");
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>The Base32 key shown on the two-factor page.</summary>
    public static string AuthenticatorKey(string html)
    {
        var match = KeyOnPage().Match(html);
        Assert.That(match.Success, Is.True, "the page shows the authenticator key");
        return WebUtility.HtmlDecode(match.Groups["key"].Value);
    }

    /// <summary>The recovery codes listed on the page (shown once).</summary>
    public static IReadOnlyList<string> RecoveryCodes(string html)
    {
        var list = RecoveryList().Match(html);
        Assert.That(list.Success, Is.True, "the page lists recovery codes");
        return [.. CodeItem().Matches(list.Value).Select(m => WebUtility.HtmlDecode(m.Groups["code"].Value))];
    }

    /// <summary>Turns on two-factor sign-in for the client's user through the page; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(AdminClient client)
    {
        using var setup = await client.GetAsync("/admin/account/two-factor");
        var key = AuthenticatorKey(await setup.Content.ReadAsStringAsync());
        using var enabled = await client.PostFormAsync("/admin/account/two-factor", [new("Code", Totp.Code(key))], "/admin/account/two-factor?handler=Enable");
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.That(enabled.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return (key, RecoveryCodes(html));
    }

    /// <summary>The kinds of the audit rows about <paramref name="userName"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditKind>> AuditKindsAsync(AdminSite site, string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { UserName = userName, PageSize = 500 });
        return [.. page.Events.Reverse().Select(e => e.Kind)];
    }

    [GeneratedRegex(@"https?://\S+/admin/reset-password\?\S+")]
    private static partial Regex ResetUrl();

    [GeneratedRegex("data-testid=\"authenticator-key\">(?<key>[^<]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("data-testid=\"recovery-codes\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex RecoveryList();

    [GeneratedRegex("<code>(?<code>[^<]+)</code>")]
    private static partial Regex CodeItem();
}
