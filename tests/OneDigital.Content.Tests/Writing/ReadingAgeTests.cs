// Why: the panel states the formula it uses, so the number it shows must be that formula, and the syllable estimate
// behind it must agree with a dictionary on ordinary words.
using OneDigital.Content.Writing;

namespace OneDigital.Content.Tests.Writing;

public class ReadingAgeTests
{
    // Worked example from Wikipedia, "Flesch–Kincaid readability tests" (Flesch–Kincaid grade level section): "The
    // Australian platypus is seemingly a hybrid of a mammal and reptilian creature." is 13 words and 26 syllables in
    // one sentence, grade 13.1. https://en.wikipedia.org/wiki/Flesch%E2%80%93Kincaid_readability_tests
    [Test]
    public void The_grade_formula_gives_the_published_worked_example()
    {
        Assert.That(ReadingAge.FleschKincaidGrade(words: 13, sentences: 1, syllables: 26), Is.EqualTo(13.1).Within(0.05));
    }

    [Test]
    public void The_worked_example_sentence_counted_by_the_heuristic_gives_the_same_grade_and_a_reading_age_five_more()
    {
        var report = WritingChecks.CheckHtml("<p>The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.</p>", PlainEnglishList.Default);

        Assert.That(report.Statistics.Words, Is.EqualTo(13));
        Assert.That(report.Statistics.Syllables, Is.EqualTo(26));
        Assert.That(report.Statistics.Grade, Is.EqualTo(13.1));
        Assert.That(report.Statistics.ReadingAge, Is.EqualTo(18.1));
    }

    [Test]
    public void A_very_simple_sentence_reads_at_the_youngest_age_on_the_scale()
    {
        var report = WritingChecks.CheckHtml("<p>The cat sat on the mat.</p>", PlainEnglishList.Default);

        Assert.That(report.Statistics.Grade, Is.EqualTo(-1.4).Within(0.06), "0.39 × 6 + 11.8 × 1 − 15.59");
        Assert.That(report.Statistics.ReadingAge, Is.EqualTo(5));
    }

    [TestCase("cat", 1)]
    [TestCase("make", 1)]
    [TestCase("table", 2)]
    [TestCase("wanted", 2)]
    [TestCase("jumped", 1)]
    [TestCase("boxes", 2)]
    [TestCase("makes", 1)]
    [TestCase("happy", 2)]
    [TestCase("yes", 1)]
    [TestCase("social", 2)]
    [TestCase("Australian", 4)]
    [TestCase("information", 4)]
    [TestCase("community", 4)]
    [TestCase("accessible", 4)]
    [TestCase("digital", 3)]
    public void Syllables_are_estimated_as_a_dictionary_counts_them(string word, int syllables)
    {
        Assert.That(Syllables.Count(word), Is.EqualTo(syllables));
    }

    [Test]
    public void Average_sentence_length_and_the_longest_sentences_are_reported()
    {
        var report = WritingChecks.CheckHtml("<p>One two three. One two three four five six. One.</p><ul><li>A list item on its own</li></ul>", PlainEnglishList.Default);

        Assert.That(report.Statistics.Sentences, Is.EqualTo(4));
        Assert.That(report.Statistics.AverageSentenceLength, Is.EqualTo(4));
        Assert.That(report.Statistics.LongestSentences[0], Is.EqualTo("One two three four five six."));
    }

    [Test]
    public void A_body_without_words_has_no_reading_age()
    {
        var report = WritingChecks.CheckHtml("<p> </p><pre>var x = 1;</pre>", PlainEnglishList.Default);

        Assert.That(report.Statistics.ReadingAge, Is.Null);
        Assert.That(report.Findings, Is.Empty);
    }
}
