// Why: the subscriber pages' tests need subscribers in each state without a readers' site; they sign people up and
// follow the links of the mail in the pickup folder, as a reader would.
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Mail;

namespace OneDigital.Admin.Tests.Subscribers;

internal static class SubscriberSupport
{
    public const string Consent = "Send me the One Digital e-bulletin. I can unsubscribe at any time.";

    public static readonly string[] Settings = ["--OneDigital:Site:PublicUrl=https://site.example"];

    /// <summary>Signs the address up and brings it to <paramref name="status"/>; returns the subscriber's id.</summary>
    public static async Task<string> AddAsync(AdminSite site, string email, BulletinStatus status)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var subscriptions = scope.ServiceProvider.GetRequiredService<BulletinSubscriptions>();
        await subscriptions.SubscribeAsync(email, Consent, "test");
        var pickup = scope.ServiceProvider.GetRequiredService<MailSender>().PickupDirectory;
        var mail = Directory.GetFiles(pickup, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Single().Address == email);
        if (status != BulletinStatus.Pending)
        {
            await subscriptions.ConfirmAsync(Token(mail, BulletinSubscriptions.ConfirmPath));
        }
        if (status == BulletinStatus.Unsubscribed)
        {
            await subscriptions.UnsubscribeAsync(Token(mail, BulletinSubscriptions.UnsubscribePath));
        }
        var record = await scope.ServiceProvider.GetRequiredService<BulletinSubscribers>().ExportAsync(email);
        return record!.Id;
    }

    private static string Token(MimeMessage mail, string path)
    {
        var link = mail.TextBody!.Split((char[])['\n', ' '], StringSplitOptions.TrimEntries)
            .First(w => w.StartsWith("https://", StringComparison.Ordinal) && w.Contains(path + "?", StringComparison.Ordinal));
        return HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;
    }
}
