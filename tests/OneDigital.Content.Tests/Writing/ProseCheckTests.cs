// Why: the plain-English checks are heuristics; these pin down what each finds and what it lets pass.
using OneDigital.Content.Writing;

namespace OneDigital.Content.Tests.Writing;

public class ProseCheckTests
{
    private static string[] Ids(string html, PlainEnglishList? words = null) =>
        WritingChecks.CheckHtml(html, words ?? PlainEnglishList.Default).Findings.Select(f => f.CheckId).ToArray();

    private static string Sentence(int words) => string.Join(' ', Enumerable.Repeat("word", words)) + ".";

    [Test]
    public void A_sentence_over_25_words_is_long()
    {
        var finding = WritingChecks.CheckHtml($"<p>{Sentence(26)}</p>", PlainEnglishList.Default).Findings.Single();
        Assert.That(finding.CheckId, Is.EqualTo(WritingCheck.LongSentence));
        Assert.That(finding.Message, Does.Contain("26 words"));
    }

    [Test]
    public void A_sentence_of_25_words_and_list_items_as_their_own_sentences_are_fine()
    {
        Assert.That(Ids($"<p>{Sentence(25)}</p>"), Is.Empty);
        Assert.That(Ids("<ul>" + string.Concat(Enumerable.Repeat("<li>four words in here</li>", 10)) + "</ul>"), Is.Empty);
    }

    [Test]
    public void Abbreviations_do_not_end_a_sentence()
    {
        var report = WritingChecks.CheckHtml("<p>Bring things, e.g. a laptop. Then sit.</p>", PlainEnglishList.Default);
        Assert.That(report.Statistics.Sentences, Is.EqualTo(2));
    }

    [TestCase("The form was sent by the team.", "was sent")]
    [TestCase("The hubs were opened in May.", "were opened")]
    [TestCase("It is not known who came.", "is not known")]
    public void Be_and_a_past_participle_is_passive_voice(string sentence, string phrase)
    {
        var finding = WritingChecks.CheckHtml($"<p>{sentence}</p>", PlainEnglishList.Default).Findings.Single();
        Assert.That(finding.CheckId, Is.EqualTo(WritingCheck.PassiveVoice));
        Assert.That(finding.Message, Does.Contain(phrase));
    }

    [TestCase("We sent the form.")]
    [TestCase("She was interested in the course.")]
    [TestCase("The room is open.")]
    public void Active_sentences_and_adjectives_are_not_passive(string sentence)
    {
        Assert.That(Ids($"<p>{sentence}</p>"), Is.Empty);
    }

    [Test]
    public void A_listed_word_is_found_with_its_suggestion_whatever_its_case()
    {
        var findings = WritingChecks.CheckHtml("<p>Utilise the hub in order to learn.</p>", PlainEnglishList.Default).Findings;
        Assert.That(findings.Select(f => (f.CheckId, f.Suggestion)), Is.EqualTo(new[]
        {
            (WritingCheck.PlainEnglishWord, (string?)"use"),
            (WritingCheck.PlainEnglishWord, (string?)"to"),
        }));
        Assert.That(findings[0].Message, Is.EqualTo("Use \"use\" rather than \"Utilise\"."));
    }

    [Test]
    public void Only_whole_words_match()
    {
        Assert.That(Ids("<p>The keyboard is on the desk.</p>"), Is.Empty, "\"key\" is listed, \"keyboard\" is not");
    }

    [Test]
    public void A_site_list_replaces_the_default_and_reports_lines_it_cannot_read()
    {
        var list = PlainEnglishList.Parse("# ours\nonboard = welcome\nnot an entry\n", out var errors);

        Assert.That(errors, Is.EqualTo(new[] { "Line 3: \"not an entry\" must be written as \"word = suggestion\"." }));
        Assert.That(Ids("<p>We onboard people and utilise the hub.</p>", list), Is.EqualTo(new[] { WritingCheck.PlainEnglishWord }));
    }

    [Test]
    public void The_default_list_ships_with_the_cms()
    {
        Assert.That(PlainEnglishList.Default.Entries["utilise"], Is.EqualTo("use"));
        Assert.That(PlainEnglishList.Default.Entries, Has.Count.GreaterThan(40));
    }

    [Test]
    public void A_run_of_capitals_is_found_but_an_acronym_is_not()
    {
        Assert.That(Ids("<p>PLEASE BRING YOUR LAPTOP to the session.</p>"), Is.EqualTo(new[] { WritingCheck.AllCapsText }));
        Assert.That(Ids("<p>The NHS and the BBC help.</p>"), Is.Empty);
    }

    [Test]
    public void Lines_starting_with_emoji_are_bullets_made_of_emoji()
    {
        Assert.That(Ids("<p>✅ Bring a laptop<br>✅ Bring a charger<br>✅ Bring a friend</p>"), Is.EqualTo(new[] { WritingCheck.EmojiBullets }));
        Assert.That(Ids("<p>🎉 Welcome to the hub.</p><p>We meet on Mondays.</p>"), Is.Empty, "one line is not a list");
        Assert.That(Ids("<ul><li>Bring a laptop</li><li>Bring a charger</li></ul>"), Is.Empty);
    }
}
