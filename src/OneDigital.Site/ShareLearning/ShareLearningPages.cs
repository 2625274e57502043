// Why: "share your learning" turns a reader's story into a LearningSubmission draft for editors to review: the form
// checks everything before anything is kept, then the file, the draft (through ContentManager, acting as "site form")
// and the editors' email go together or not at all. The draft has no route and is never published by the form, so
// nothing of it reaches the site, search, feeds or the sitemap until an editor makes content of it.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Media;
using OneDigital.Site.Forms;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.ShareLearning;

public static class ShareLearningPages
{
    public const string FormPath = "/share-your-learning";
    public const string ThankYouPath = "/share-your-learning/thank-you";

    /// <summary>Who the audit trail names for the drafts the form makes.</summary>
    public const string ActorName = "site form";

    private const string FormName = "share-learning";
    private const int MaxLineLength = 200;
    private const int MaxLearningLength = 10_000;

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(FormPath, (HttpContext http, FormGuard guard, MediaStore media) => Form(http, NewForm(guard, media), StatusCodes.Status200OK));
        app.MapPost(FormPath, SendAsync).RequireRateLimiting(FormRateLimit.Policy);
        app.MapGet(ThankYouPath, (Delegate)ThankYou).CacheOutput(SiteServices.CachePolicy);
    }

    private static FormView NewForm(FormGuard guard, MediaStore media)
    {
        var form = new FormView { Action = FormPath, Token = guard.Issue(FormName) };
        form.Text["types"] = media.AllowedTypesText;
        form.Text["max_size"] = MediaStore.SizeText(media.MaxFileSize);
        form.Text["privacy"] = "/privacy-notice";
        return form;
    }

    private static async Task<IResult> SendAsync(
        HttpContext http, FormGuard guard, MediaStore media, LearningSubmissions submissions, ContentActor actor, IOptions<SiteFormsOptions> options)
    {
        SiteServices.DoNotCache(http);
        // Room for the largest file the library takes and the text fields beside it.
        var posted = await FormPost.ReadAsync(http, media.MaxFileSize + options.Value.MaxTextPostBytes);
        if (posted is null) return FormPost.TooLarge();
        var form = NewForm(guard, media);
        foreach (var field in new[] { "name", "organisation", "email", "title", "learning" })
        {
            form.Values[field] = posted[field].ToString().Trim();
        }
        if (FormGuard.Message(guard.Check(http, posted, FormName)) is { } refused)
        {
            form.Add("name", refused);
            return Form(http, form, StatusCodes.Status400BadRequest);
        }

        Required(form, "name", "Enter your name", MaxLineLength, "Your name");
        Optional(form, "organisation", MaxLineLength, "Your organisation's name");
        if (form.Values["email"].Length == 0) form.Add("email", "Enter your email address");
        else
        {
            try
            {
                BulletinAddress.Normalize(form.Values["email"]);
            }
            catch (BulletinException e)
            {
                form.Add("email", e.Message);
            }
        }
        Required(form, "title", "Enter a title for your learning", MaxLineLength, "The title");
        Required(form, "learning", "Enter what you learned", MaxLearningLength, "What you learned");
        var file = posted.Files.GetFile("file");
        if (file is { Length: > 0 } && media.Check(file.FileName, file.Length) is { } fileProblem) form.Add("file", fileProblem);
        if (form.HasErrors) return Form(http, form, StatusCodes.Status400BadRequest);

        actor.Set(null, ActorName);
        try
        {
            await submissions.CreateAsync(new LearningSubmission(
                form.Values["name"], form.Values["organisation"], form.Values["email"], form.Values["title"], form.Values["learning"],
                file is { Length: > 0 } ? file : null), RootOf(http), http.RequestAborted);
        }
        catch (MediaException e)
        {
            // The declared size passed but the bytes did not: the file is refused as it is read, nothing kept.
            form.Add("file", e.Message);
            return Form(http, form, StatusCodes.Status400BadRequest);
        }
        return Results.Redirect(ThankYouPath);
    }

    private static void Required(FormView form, string field, string missing, int max, string what)
    {
        if (form.Values[field].Length == 0) form.Add(field, missing);
        else Optional(form, field, max, what);
    }

    private static void Optional(FormView form, string field, int max, string what)
    {
        if (form.Values[field].Length > max) form.Add(field, $"{what} must be {max:N0} characters or fewer");
    }

    private static SitePage ThankYou() => SitePage.Render("Message", new MessageView
    {
        Paragraphs =
        [
            "We have received your learning. Thank you for sharing it.",
            "An editor will read it and may email you about it. Nothing you sent is published without an editor's review.",
        ],
        Link = new FormLinkView("/", "Go to the home page"),
    }, new PageView { Title = "Thank you for sharing your learning", Path = ThankYouPath, NoIndex = true });

    private static SitePage Form(HttpContext http, FormView form, int status)
    {
        SiteServices.DoNotCache(http);
        return SitePage.Render("ShareLearning", form, new PageView
        {
            Title = form.HasErrors ? "Error: Share your learning" : "Share your learning",
            Path = FormPath,
            Description = "Share what you have learned from helping people online with the One Digital Community of Practice.",
        }, status);
    }

    private static string RootOf(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
