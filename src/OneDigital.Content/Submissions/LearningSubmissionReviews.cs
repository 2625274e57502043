// Why: a reader's "share your learning" submission (a LearningSubmission draft, made by the site's form) is reviewed
// once: turned into a CaseStudy draft an editor finishes, or rejected with a reason. The outcome is kept in one
// document beside the items rather than in the submission, whose required fields and versions are the reader's words;
// the case study draft and the outcome are written in one transaction. A rejected submission keeps its personal
// data (name, email, file) so the team can tell the person why; erasure is not offered here yet.
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Submissions;

public enum SubmissionOutcome
{
    CaseStudy,
    Rejected,
}

/// <summary>What was decided about one submission, by whom and when; <see cref="CaseStudyId"/> links the draft made from it.</summary>
public sealed class SubmissionReview
{
    public SubmissionOutcome Outcome { get; set; }
    public string? CaseStudyId { get; set; }
    public string? Reason { get; set; }
    public DateTime ReviewedUtc { get; set; }
    public string? ReviewedBy { get; set; }
}

/// <summary>The reviews by submission id: the <c>LearningSubmissionReviews</c> document.</summary>
public sealed class SubmissionReviewDocument
{
    public Dictionary<string, SubmissionReview> Reviews { get; set; } = [];
}

/// <summary>A submission as the admin shows it: the reader's fields, its file and its review, if any.</summary>
public sealed record LearningSubmissionView(
    string Id, string Title, string Name, string Email, string Organisation, string Learning, string? Link, string? FilePath,
    DateTime? ReceivedUtc, SubmissionReview? Review);

public sealed record LearningSubmissionPage(IReadOnlyList<LearningSubmissionView> Submissions, int Total, int Page, int PageSize);

/// <summary>The review already made; nothing was written.</summary>
public sealed class SubmissionAlreadyReviewedException(SubmissionReview review)
    : InvalidOperationException($"This submission was already {(review.Outcome == SubmissionOutcome.Rejected ? "rejected" : "turned into a case study")}.")
{
    public SubmissionReview Review { get; } = review;
}

public sealed class LearningSubmissionReviews(ContentQuery query, ContentManager manager, DocumentStore documents, StoreTransaction transaction, TimeProvider clock)
{
    public const string ContentType = "LearningSubmission";
    public const string CaseStudyType = "CaseStudy";
    public const string DocumentName = "LearningSubmissionReviews";

    /// <summary>The submissions, newest first (their latest versions).</summary>
    public async Task<LearningSubmissionPage> ListAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var request = new ContentListRequest(ContentType) { Status = ContentStatus.Latest };
        var total = await query.CountAsync(request, ct);
        var items = await query.ListAsync(request with { Skip = (Math.Max(1, page) - 1) * pageSize, Take = pageSize }, ct);
        var reviews = (await documents.GetAsync<SubmissionReviewDocument>(DocumentName, ct)).Value.Reviews;
        return new(items.Select(i => View(i, reviews.GetValueOrDefault(i.ContentItemId))).ToList(), total, Math.Max(1, page), pageSize);
    }

    public async Task<LearningSubmissionView?> FindAsync(string id, CancellationToken ct = default)
    {
        if (await query.GetLatestAsync(id, ct) is not { ContentType: ContentType } item)
        {
            return null;
        }
        var reviews = (await documents.GetAsync<SubmissionReviewDocument>(DocumentName, ct)).Value.Reviews;
        return View(item, reviews.GetValueOrDefault(id));
    }

    /// <summary>
    /// A CaseStudy draft from the submission (its title, the learning as the body, the organisation), owned by the
    /// reviewer, and the submission marked done with a link to it. Returns the draft's id; null when there is no such
    /// submission.
    /// </summary>
    /// <exception cref="SubmissionAlreadyReviewedException">It was reviewed already (another editor, a second click).</exception>
    public async Task<string?> TurnIntoCaseStudyAsync(string id, string? reviewerId, string? reviewerName, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } submission)
        {
            return null;
        }
        var caseStudy = await manager.NewAsync(CaseStudyType, ct);
        caseStudy.Owner = reviewerId;
        caseStudy.Author = reviewerName;
        caseStudy.GetOrCreatePart("TitlePart")["Title"] = submission.Title;
        var body = submission.Link is { Length: > 0 } link ? $"{submission.Learning}\n\nShared with a link: <{link}>" : submission.Learning;
        caseStudy.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
        if (submission.Organisation.Length > 0)
        {
            caseStudy.GetOrCreatePart(CaseStudyType)["Organisation"] = new JsonObject { ["Text"] = submission.Organisation };
        }
        await transaction.RunAsync(async () =>
        {
            await manager.CreateAsync(caseStudy, publish: false, ct);
            await RecordAsync(id, new SubmissionReview
            {
                Outcome = SubmissionOutcome.CaseStudy, CaseStudyId = caseStudy.ContentItemId, ReviewedUtc = Now(), ReviewedBy = reviewerName,
            }, ct);
        }, ct);
        return caseStudy.ContentItemId;
    }

    /// <summary>Marks the submission rejected with the reason; false when there is no such submission.</summary>
    /// <exception cref="SubmissionAlreadyReviewedException">It was reviewed already.</exception>
    public async Task<bool> RejectAsync(string id, string reason, string? reviewerName, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is null)
        {
            return false;
        }
        await transaction.RunAsync(() => RecordAsync(id, new SubmissionReview
        {
            Outcome = SubmissionOutcome.Rejected, Reason = reason.Trim(), ReviewedUtc = Now(), ReviewedBy = reviewerName,
        }, ct), ct);
        return true;
    }

    private async Task RecordAsync(string id, SubmissionReview review, CancellationToken ct)
    {
        SubmissionReview? earlier = null;
        await documents.UpdateAsync<SubmissionReviewDocument>(DocumentName, d =>
        {
            if (!d.Reviews.TryGetValue(id, out earlier)) d.Reviews[id] = review;
        }, ct);
        if (earlier is not null)
        {
            // Thrown inside the transaction, so a case study draft made for it is rolled back too.
            throw new SubmissionAlreadyReviewedException(earlier);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static LearningSubmissionView View(ContentItem item, SubmissionReview? review)
    {
        var part = item.Part(ContentType);
        string Text(string field) => JsonValues.NonEmptyString(part?[field]?["Text"]) ?? "";
        var file = (part?["File"]?["Paths"] as JsonArray)?.Select(p => JsonValues.NonEmptyString(p)).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        var link = JsonValues.NonEmptyString(part?["Link"]?["Url"]);
        return new(item.ContentItemId, Text("Title"), Text("Name"), Text("Email"), Text("Organisation"), Text("Summary"), link, file,
            item.CreatedUtc, review);
    }
}
