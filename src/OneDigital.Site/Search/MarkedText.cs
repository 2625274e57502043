// Why: the search service hands back snippets as HTML with the matched words in <mark>; the page writes them as HTML,
// so it keeps exactly the <mark> tags and encodes everything else itself rather than trusting the service's escaping.
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OneDigital.Site.Models;

namespace OneDigital.Site.Search;

/// <summary>Escaped text with &lt;mark&gt; → HTML with balanced &lt;mark&gt; tags and nothing else.</summary>
public static partial class MarkedText
{
    public static SafeHtml Safe(string marked)
    {
        var html = new StringBuilder(marked.Length + 16);
        var open = false;
        foreach (var piece in Marks().Split(marked))
        {
            if (piece == "<mark>")
            {
                if (!open) html.Append("<mark>");
                open = true;
            }
            else if (piece == "</mark>")
            {
                if (open) html.Append("</mark>");
                open = false;
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(piece)));
            }
        }
        if (open) html.Append("</mark>");
        return new SafeHtml(html.ToString());
    }

    [GeneratedRegex("(</?mark>)")]
    private static partial Regex Marks();
}
