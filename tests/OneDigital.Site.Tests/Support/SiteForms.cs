// Why: form tests post as a browser does (the page's signed token, the site's own Origin) and read the mail the site
// wrote to the pickup folder, so each test reads as the reader's steps.
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneDigital.Content.Mail;

namespace OneDigital.Site.Tests.Support;

public static partial class SiteForms
{
    /// <summary>The settings form tests share: a public address for mail links, no wait before sending, a generous rate limit.</summary>
    public static readonly string[] Settings =
    [
        "--OneDigital:Site:PublicUrl=https://site.example.test",
        "--OneDigital:Site:Forms:MinimumFillTime=00:00:00",
        "--OneDigital:Site:Forms:PostsPerWindow=1000",
    ];

    /// <summary>The signed token of the form on the page at <paramref name="path"/>.</summary>
    public static async Task<string> TokenAsync(ReadersSite site, string path)
    {
        var html = await site.GetStringAsync(path);
        return TokenIn(html);
    }

    public static string TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException("the page has no form token");

    /// <summary>Posts <paramref name="fields"/> (and a file) to <paramref name="path"/> as the site's own page would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(ReadersSite site, string path, IEnumerable<KeyValuePair<string, string>> fields,
        (string Name, byte[] Bytes)? file = null, bool sameOrigin = true)
    {
        HttpContent content;
        if (file is { } f)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            multipart.Add(bytes, "file", f.Name);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (sameOrigin) request.Headers.Add("Origin", site.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await site.Http.SendAsync(request);
    }

    /// <summary>The mails in the pickup folder, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Mails(ReadersSite site)
    {
        var pickup = site.Services.GetRequiredService<MailSender>().PickupDirectory;
        return Directory.Exists(pickup)
            ? Directory.GetFiles(pickup, "*.eml").Order(StringComparer.Ordinal).Select(p => MimeMessage.Load(p)).ToList()
            : [];
    }

    /// <summary>The path and query of the first link in a mail's text that starts with the public address and <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage mail, string path) =>
        Regex.Match(mail.TextBody ?? "", $@"https://site\.example\.test({Regex.Escape(path)}\?token=\S+)") is { Success: true } m
            ? m.Groups[1].Value
            : throw new AssertionException($"no {path} link in: {mail.TextBody}");

    [GeneratedRegex("name=\"form_token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
