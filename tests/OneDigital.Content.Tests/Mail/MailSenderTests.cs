// Why: the password reset and the e-bulletin opt-in rely on this sender: a message must arrive whole, with the
// headers and bodies it was given, in the pickup folder when no server is configured and through SMTP when one is.
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using OneDigital.Content.Mail;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Mail;

public class MailSenderTests
{
    private static readonly OutgoingMail Reset = new(["Ada Editor <ada@example.org>"], "Reset your password")
    {
        TextBody = "Open https://cms.example/reset?t=abc to choose a new password.",
        HtmlBody = "<p>Open <a href=\"https://cms.example/reset?t=abc\">this link</a> to choose a new password.</p>",
        Headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://site.example/unsubscribe?t=xyz>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
    };

    [Test]
    public async Task Without_an_SMTP_host_a_message_lands_whole_in_the_pickup_folder_of_the_data_folder()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?>
        {
            ["OneDigital:Mail:FromAddress"] = "cms@example.org",
            ["OneDigital:Mail:FromName"] = "The CMS",
        });
        var sender = store.Services.GetRequiredService<MailSender>();

        var id = await sender.SendAsync(Reset);

        var folder = Path.Combine(store.Services.GetRequiredService<OneDigital.Content.Store.StoreOptions>().DataDir, "Mail", "Pickup");
        Assert.That(sender.PickupDirectory, Is.EqualTo(Path.GetFullPath(folder)));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetExtension), Is.EqualTo(new[] { ".eml" }), "no temporary file is left behind");
        var message = await MimeMessage.LoadAsync(Directory.GetFiles(folder).Single());
        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(id));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("ada@example.org"));
            Assert.That(message.To.Mailboxes.Single().Name, Is.EqualTo("Ada Editor"));
            Assert.That(message.From.Mailboxes.Single().ToString(), Is.EqualTo("\"The CMS\" <cms@example.org>"));
            Assert.That(message.Subject, Is.EqualTo(Reset.Subject));
            Assert.That(message.TextBody?.TrimEnd(), Is.EqualTo(Reset.TextBody));
            Assert.That(message.HtmlBody?.TrimEnd(), Is.EqualTo(Reset.HtmlBody));
            Assert.That(message.Headers["List-Unsubscribe"], Is.EqualTo("<https://site.example/unsubscribe?t=xyz>"));
            Assert.That(message.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        });
    }

    [Test]
    public async Task Each_message_is_its_own_file()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Mail:PickupDirectory"] = "outbox" });
        var sender = store.Services.GetRequiredService<MailSender>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => sender.SendAsync(Reset)));

        Assert.That(sender.PickupDirectory, Does.EndWith("outbox"));
        Assert.That(Directory.GetFiles(sender.PickupDirectory, "*.eml"), Has.Length.EqualTo(5));
    }

    [TestCase("not an address", "is not an email address")]
    [TestCase("ada@example.org\r\nBcc: victim@example.org", "is not an email address")]
    public async Task A_bad_recipient_is_refused_and_nothing_is_written(string to, string message)
    {
        await using var store = await TestStore.CreateAsync();
        var sender = store.Services.GetRequiredService<MailSender>();

        var ex = Assert.ThrowsAsync<MailException>(() => sender.SendAsync(Reset with { To = [to] }));

        Assert.That(ex!.Message, Does.Contain(message));
        Assert.That(Directory.Exists(sender.PickupDirectory) ? Directory.GetFiles(sender.PickupDirectory) : [], Is.Empty);
    }

    [Test]
    public async Task A_header_or_subject_with_a_line_break_is_refused()
    {
        await using var store = await TestStore.CreateAsync();
        var sender = store.Services.GetRequiredService<MailSender>();

        Assert.ThrowsAsync<MailException>(() => sender.SendAsync(Reset with { Subject = "Hi\r\nBcc: x@example.org" }));
        Assert.ThrowsAsync<MailException>(() => sender.SendAsync(Reset with { Headers = new Dictionary<string, string> { ["X-Note"] = "a\nb" } }));
        Assert.ThrowsAsync<MailException>(() => sender.SendAsync(Reset with { Headers = new Dictionary<string, string> { ["Bad Name"] = "v" } }));
        Assert.ThrowsAsync<MailException>(() => sender.SendAsync(Reset with { TextBody = null, HtmlBody = null }));
    }

    [TestCase("OneDigital:Mail:FromAddress", "nobody", "OneDigital:Mail:FromAddress must be an email address")]
    [TestCase("OneDigital:Mail:Smtp:Port", "70000", "OneDigital:Mail:Smtp:Port must be between 1 and 65535")]
    [TestCase("OneDigital:Mail:Smtp:Password", "secret", "OneDigital:Mail:Smtp:UserName must be set")]
    [TestCase("OneDigital:Mail:Smtp:Security", "Sometimes", "OneDigital:Mail:Smtp:Security")]
    public async Task Bad_mail_settings_are_refused_naming_the_key(string key, string value, string message)
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?>
        {
            ["OneDigital:Mail:Smtp:Host"] = "smtp.example.org",
            [key] = value,
        });

        var ex = Assert.Catch(() => _ = store.Services.GetRequiredService<IOptions<MailOptions>>().Value);

        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public async Task With_an_SMTP_host_the_message_is_sent_to_the_server()
    {
        using var server = new TinySmtpServer();
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?>
        {
            ["OneDigital:Mail:Smtp:Host"] = "127.0.0.1",
            ["OneDigital:Mail:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OneDigital:Mail:Smtp:Security"] = "None",
        });
        var sender = store.Services.GetRequiredService<MailSender>();

        await sender.SendAsync(Reset);
        var received = await server.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(received.Recipients, Is.EqualTo(new[] { "<ada@example.org>" }));
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        Assert.That(message.Subject, Is.EqualTo(Reset.Subject));
        Assert.That(message.Headers["List-Unsubscribe"], Is.EqualTo("<https://site.example/unsubscribe?t=xyz>"));
        Assert.That(Directory.Exists(sender.PickupDirectory), Is.False, "nothing went to the pickup folder");
    }

    /// <summary>Just enough of an SMTP server on loopback to take one message without TLS or authentication.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public TinySmtpServer()
        {
            _listener.Start();
            _ = Task.Run(ServeOneAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public TaskCompletionSource<(List<string> Recipients, string Data)> Received { get; } = new();

        private async Task ServeOneAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                var recipients = new List<string>();
                await writer.WriteLineAsync("220 tiny ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    if (verb is "EHLO" or "HELO") await writer.WriteLineAsync("250 tiny");
                    else if (verb == "MAIL") await writer.WriteLineAsync("250 OK");
                    else if (verb == "RCPT") { recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()); await writer.WriteLineAsync("250 OK"); }
                    else if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.Append(dataLine).Append("\r\n");
                        await writer.WriteLineAsync("250 queued");
                        Received.TrySetResult((recipients, data.ToString()));
                    }
                    else if (verb == "QUIT") { await writer.WriteLineAsync("221 bye"); break; }
                    else await writer.WriteLineAsync("250 OK");
                }
            }
            catch (Exception ex)
            {
                Received.TrySetException(ex);
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
