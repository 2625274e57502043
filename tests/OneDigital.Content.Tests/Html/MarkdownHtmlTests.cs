using OneDigital.Content.Html;

namespace OneDigital.Content.Tests.Html;

// Markdown is stored as written and rendered on the way out; every reader (GraphQL's html, the readers' site) gets
// the same HTML, with Markdig's advanced extensions and Orchard's default sanitizing.

public sealed class MarkdownHtmlTests
{
    [Test]
    public void Markdown_renders_as_html_with_the_advanced_extensions()
    {
        var html = MarkdownHtml.Render("Some *emphasis*.\n\n| Name | Count |\n|---|---|\n| Tea | 2 |\n");

        Assert.That(html, Does.Contain("<em>emphasis</em>").And.Contain("<table>").And.Contain("<td>Tea</td>"));
    }

    [Test]
    public void Html_written_inside_markdown_is_sanitized()
    {
        var html = MarkdownHtml.Render("Hello <script>alert(1)</script><img src=\"x.png\" onerror=\"alert(2)\"> [link](javascript:alert(3))");

        Assert.That(html, Does.Contain("<img src=\"x.png\">").And.Not.Contain("<script").And.Not.Contain("onerror").And.Not.Contain("javascript:"));
    }

    [Test]
    public void No_markdown_renders_as_no_html() => Assert.That(MarkdownHtml.Render(null), Is.Null);
}
