// Why: one sender for the whole site: SMTP through MailKit when a host is configured, otherwise an .eml file in the
// pickup folder, written under a temporary name and renamed, so a reader of the folder never opens half a message.
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;

namespace OneDigital.Content.Mail;

public sealed class MailSender(IOptionsMonitor<MailOptions> options, StoreOptions store, TimeProvider clock, StoredSiteSettings stored, IServiceProvider services)
{
    /// <summary>The folder .eml files go to when no SMTP host is set.</summary>
    public string PickupDirectory => Path.GetFullPath(Path.Combine(store.DataDir, options.CurrentValue.PickupDirectory));

    /// <summary>Sends the message, or writes it to the pickup folder; returns the message id.</summary>
    /// <exception cref="MailException">The message is not valid as given; nothing was sent.</exception>
    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        var message = Build(mail, settings);
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            await WritePickupAsync(message, ct);
        }
        else
        {
            await SendSmtpAsync(message, settings.Smtp, ct);
        }
        return message.MessageId ?? "";
    }

    /// <summary>The settings in effect: configuration, with what an administrator stored over it.</summary>
    public async Task<MailOptions> SettingsAsync(CancellationToken ct = default)
    {
        var values = await stored.GetAsync(ct);
        return StoredSiteSettings.Mail(options.CurrentValue, values,
            p => services.GetRequiredService<SmtpPasswordProtection>().Unprotect(p));
    }

    private MimeMessage Build(OutgoingMail mail, MailOptions settings)
    {
        if (mail.To.Count == 0) throw new MailException("A message needs at least one recipient.");
        if (string.IsNullOrWhiteSpace(mail.Subject)) throw new MailException("A message needs a subject.");
        if (mail.TextBody is null && mail.HtmlBody is null) throw new MailException("A message needs a text or an HTML body.");
        var message = new MimeMessage { Subject = NoLineBreaks("Subject", mail.Subject), Date = clock.GetUtcNow() };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        foreach (var to in mail.To)
        {
            if (!MailboxAddress.TryParse(to, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            {
                throw new MailException($"'{to}' is not an email address.");
            }
            message.To.Add(address);
        }
        foreach (var (name, value) in mail.Headers)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => c <= ' ' || c == ':' || c > '~'))
            {
                throw new MailException($"'{name}' is not a header name.");
            }
            message.Headers.Add(name, NoLineBreaks(name, value));
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(settings.FromAddress.Split('@').LastOrDefault() is { Length: > 0 } domain ? domain : "localhost");
        return message;
    }

    private async Task WritePickupAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = PickupDirectory;
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{IdGenerator.NewId()}";
        var temporary = Path.Combine(folder, $".{name}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await message.WriteToAsync(stream, ct);
                await stream.FlushAsync(ct);
            }
            File.Move(temporary, Path.Combine(folder, name + ".eml"));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task SendSmtpAsync(MimeMessage message, SmtpSettings smtp, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static string NoLineBreaks(string name, string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : throw new MailException($"The {name} header cannot contain a line break.");
}
