// Why: the editor's readability panel refreshes as the editor types (writing.mjs). The checks run here, on the
// server, so the panel shows the same findings as a save would, from the same sanitizing pipeline and the site's
// word list. A POST (a body can be long) carrying the form's antiforgery token; it changes nothing.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Writing;

public sealed class CheckModel(WritingSettings settings) : AdminPage
{
    /// <summary>Bodies longer than this are not checked as the editor types (a save still checks them).</summary>
    public const int MaxLength = 200_000;

    public async Task<IActionResult> OnPostAsync([FromForm] string? format, [FromForm] string? text)
    {
        if (text?.Length > MaxLength) return BadRequest(new { error = $"The text is longer than {MaxLength} characters." });
        var words = await settings.GetWordsAsync(HttpContext.RequestAborted);
        var report = format == "html" ? WritingChecks.CheckHtml(text, words) : WritingChecks.CheckMarkdown(text, words);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            readingAge = report.Statistics.ReadingAge,
            averageSentenceLength = report.Statistics.AverageSentenceLength,
            words = report.Statistics.Words,
            sentences = report.Statistics.Sentences,
            longestSentences = report.Statistics.LongestSentences,
            findings = report.Findings.Select(f => new { checkId = f.CheckId, severity = f.Severity.ToString(), message = f.Message, excerpt = f.Excerpt, suggestion = f.Suggestion }),
        });
    }
}
