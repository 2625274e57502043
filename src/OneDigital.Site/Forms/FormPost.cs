// Why: a post larger than a form can need is refused before it is read (Content-Length, then Kestrel's body limit
// for a chunked one), so an oversized upload costs the site nothing but the refusal.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Forms;

internal static class FormPost
{
    /// <summary>The posted form, or null when the post is larger than <paramref name="maxBytes"/> or not a form.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes || !http.Request.HasFormContentType) return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        try
        {
            return await http.Request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = maxBytes,
                ValueCountLimit = 50,
                ValueLengthLimit = (int)Math.Min(int.MaxValue, maxBytes),
            }, http.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The page a post past the limit gets (413), in plain English.</summary>
    public static SitePage TooLarge() => SitePage.Render("Message", new MessageView
    {
        Paragraphs = ["What you sent is larger than this form takes, so nothing was kept. Go back, make it shorter or choose a smaller file, and send it again."],
        Link = new FormLinkView("/", "Go to the home page"),
    }, new PageView { Title = "What you sent is too large", NoIndex = true }, StatusCodes.Status413PayloadTooLarge);
}
