// Why: GraphQL lists sanitize and render every body on every uncached request; the memo keeps the results, and must
// neither change them nor grow without bound.
using OneDigital.Content.Html;

namespace OneDigital.Content.Tests.Html;

public class HtmlMemoTests
{
    [Test]
    public void A_body_seen_before_is_not_transformed_again()
    {
        var calls = 0;
        var memo = new HtmlMemo(s => { calls++; return s.ToUpperInvariant(); }, 1_000);

        Assert.That(memo.Get("<p>a</p>"), Is.EqualTo("<P>A</P>"));
        Assert.That(memo.Get("<p>a</p>"), Is.EqualTo("<P>A</P>"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void When_full_the_memo_starts_afresh_and_still_answers_right()
    {
        var calls = 0;
        var memo = new HtmlMemo(s => { calls++; return s + "!"; }, 400);

        // About 15 characters an entry: 40 of them overfill 400.
        for (var i = 0; i < 40; i++) memo.Get($"body {i}");
        calls = 0;
        Assert.That(memo.Get("body 0"), Is.EqualTo("body 0!"));
        Assert.That(calls, Is.EqualTo(1), "the first bodies were let go once the memo was full");
        Assert.That(memo.Get("body 39"), Is.EqualTo("body 39!"));
        Assert.That(calls, Is.EqualTo(1), "the last bodies are kept");
    }

    [Test]
    public void Markdown_rendered_twice_is_the_same_sanitized_html()
    {
        const string markdown = "# Title\n\n<script>alert(1)</script> and [a link](https://example.org)";

        var first = MarkdownHtml.Render(markdown);

        Assert.That(MarkdownHtml.Render(markdown), Is.SameAs(first));
        Assert.That(first, Does.Not.Contain("<script"));
        Assert.That(ContentHtml.Sanitize("<b onclick=\"x()\">b</b>"), Is.EqualTo("<b>b</b>"));
    }
}
