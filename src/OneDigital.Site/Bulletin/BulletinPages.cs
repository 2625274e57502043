// Why: the e-bulletin's pages on the readers' site: sign up (double opt-in through Content's BulletinSubscriptions,
// which stores the consent wording shown here with the time), check your email, confirm, and leave. Confirm and
// unsubscribe links open a page with a button rather than acting on GET, because mail scanners follow links; the
// one-click unsubscribe POST of RFC 8058 (List-Unsubscribe-Post) needs only the signed token in the link.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Bulletin;
using OneDigital.Site.Forms;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Bulletin;

public static class BulletinPages
{
    public const string SignUpPath = "/e-bulletin";
    public const string CheckEmailPath = "/e-bulletin/check-your-email";
    public const string PrivacyNoticePath = "/privacy-notice";

    /// <summary>The consent wording shown beside the checkbox and stored with the subscriber, word for word.</summary>
    public const string ConsentWording =
        "I agree to One Digital sending me the e-bulletin by email: news, events and learning from the Community of Practice, "
        + "about once a month. I can unsubscribe at any time with the link in every email.";

    private const string FormName = "bulletin";

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(SignUpPath, (HttpContext http, FormGuard guard) => Form(http, NewForm(guard), StatusCodes.Status200OK));
        app.MapPost(SignUpPath, SignUpAsync).RequireRateLimiting(FormRateLimit.Policy);
        app.MapGet(CheckEmailPath, (Delegate)CheckEmail).CacheOutput(SiteServices.CachePolicy);
        app.MapGet(BulletinSubscriptions.ConfirmPath, (HttpContext http, string? token) => Action(http, new ActionView
        {
            Action = BulletinSubscriptions.ConfirmPath,
            Token = token ?? "",
            Button = "Confirm my subscription",
            Paragraphs = ["Select the button to confirm that you want to receive the One Digital e-bulletin."],
        }, "Confirm your subscription"));
        app.MapPost(BulletinSubscriptions.ConfirmPath, ConfirmAsync).RequireRateLimiting(FormRateLimit.Policy);
        app.MapGet(BulletinSubscriptions.UnsubscribePath, (HttpContext http, string? token) => Action(http, new ActionView
        {
            Action = BulletinSubscriptions.UnsubscribePath,
            Token = token ?? "",
            Button = "Unsubscribe",
            Paragraphs = ["Select the button to stop receiving the One Digital e-bulletin. We will not email you again unless you sign up again."],
        }, "Unsubscribe from the e-bulletin"));
        app.MapPost(BulletinSubscriptions.UnsubscribePath, UnsubscribeAsync).RequireRateLimiting(FormRateLimit.Policy);
    }

    /// <summary>The sign-up form's model with a fresh token (the home page's slot uses it too).</summary>
    public static FormView NewForm(FormGuard guard, string source = "site:e-bulletin")
    {
        var form = new FormView { Action = SignUpPath, Token = guard.Issue(FormName) };
        form.Text["consent"] = ConsentWording;
        form.Text["privacy"] = PrivacyNoticePath;
        form.Values["source"] = source;
        return form;
    }

    private static async Task<IResult> SignUpAsync(HttpContext http, FormGuard guard, BulletinSubscriptions subscriptions, IOptions<SiteFormsOptions> options)
    {
        SiteServices.DoNotCache(http);
        var posted = await FormPost.ReadAsync(http, options.Value.MaxTextPostBytes);
        if (posted is null) return FormPost.TooLarge();
        var form = NewForm(guard, posted["source"].ToString() == "site:home" ? "site:home" : "site:e-bulletin");
        var email = posted["email"].ToString().Trim();
        var consented = posted["consent"].ToString() == "yes";
        form.Values["email"] = email;
        if (consented) form.Values["consent"] = "yes";

        if (FormGuard.Message(guard.Check(http, posted, FormName)) is { } refused)
        {
            form.Add("email", refused);
            return Form(http, form, StatusCodes.Status400BadRequest);
        }
        if (email.Length == 0) form.Add("email", "Enter your email address");
        else
        {
            try
            {
                BulletinAddress.Normalize(email);
            }
            catch (BulletinException e)
            {
                form.Add("email", e.Message);
            }
        }
        if (!consented) form.Add("consent", "Select that you agree to receive the e-bulletin");
        if (form.HasErrors) return Form(http, form, StatusCodes.Status400BadRequest);

        await subscriptions.SubscribeAsync(email, ConsentWording, form.Values["source"], http.RequestAborted);
        // Post/redirect/get: the same answer for a new, pending or subscribed address, and a reload sends nothing.
        return Results.Redirect(CheckEmailPath);
    }

    private static SitePage CheckEmail() => SitePage.Render("Message", new MessageView
    {
        Paragraphs =
        [
            "We have sent you an email with a link to confirm your subscription.",
            "Open the link in the email to start receiving the e-bulletin. If the email has not arrived in a few minutes, check your spam or junk folder.",
            "If you are already subscribed, you will not get another email.",
        ],
        Link = new FormLinkView("/", "Go to the home page"),
    }, new PageView { Title = "Check your email", Path = CheckEmailPath, NoIndex = true });

    private static async Task<IResult> ConfirmAsync(HttpContext http, BulletinSubscriptions subscriptions, IOptions<SiteFormsOptions> options)
    {
        SiteServices.DoNotCache(http);
        var posted = await FormPost.ReadAsync(http, options.Value.MaxTextPostBytes);
        if (posted is null) return FormPost.TooLarge();
        var result = await subscriptions.ConfirmAsync(posted["token"].ToString(), http.RequestAborted);
        var signUp = new FormLinkView(SignUpPath, "Sign up for the e-bulletin again");
        return result switch
        {
            BulletinConfirmResult.Confirmed or BulletinConfirmResult.AlreadyConfirmed => Message(
                "You have subscribed to the e-bulletin",
                ["Thank you. You will get the next e-bulletin by email.", "Every e-bulletin has a link to unsubscribe."],
                new FormLinkView("/", "Go to the home page")),
            BulletinConfirmResult.Expired => Message("The link has expired",
                ["The link in your email is too old to use. Sign up again and we will send you a new one."], signUp, StatusCodes.Status400BadRequest),
            _ => Message("The link does not work",
                ["The link may have been replaced by a newer email, or copied wrongly. Use the link in the latest email we sent you, or sign up again."],
                signUp, StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext http, BulletinSubscriptions subscriptions, IOptions<SiteFormsOptions> options)
    {
        SiteServices.DoNotCache(http);
        // RFC 8058: a mail program posts "List-Unsubscribe=One-Click" to the link itself, the token in its query.
        var token = http.Request.Query["token"].ToString();
        if (token.Length == 0)
        {
            var posted = await FormPost.ReadAsync(http, options.Value.MaxTextPostBytes);
            if (posted is null) return FormPost.TooLarge();
            token = posted["token"].ToString();
        }
        return await subscriptions.UnsubscribeAsync(token, http.RequestAborted)
            ? Message("You have unsubscribed", ["You will not get the e-bulletin any more.", "If you change your mind, you can sign up again at any time."],
                new FormLinkView(SignUpPath, "Sign up for the e-bulletin"))
            : Message("The link does not work",
                ["The unsubscribe link may have been copied wrongly. Use the link at the bottom of any e-bulletin email."],
                new FormLinkView("/", "Go to the home page"), StatusCodes.Status400BadRequest);
    }

    private static SitePage Form(HttpContext http, FormView form, int status)
    {
        SiteServices.DoNotCache(http);
        var title = form.HasErrors ? "Error: Sign up for the e-bulletin" : "Sign up for the e-bulletin";
        return SitePage.Render("Bulletin-SignUp", form, new PageView
        {
            Title = title,
            Path = SignUpPath,
            Description = "Sign up for the One Digital e-bulletin: news, events and learning from the Community of Practice by email.",
        }, status);
    }

    private static SitePage Action(HttpContext http, ActionView view, string title)
    {
        SiteServices.DoNotCache(http);
        return SitePage.Render("Bulletin-Action", view, new PageView { Title = title, NoIndex = true });
    }

    private static SitePage Message(string title, IReadOnlyList<string> paragraphs, FormLinkView link, int status = StatusCodes.Status200OK) =>
        SitePage.Render("Message", new MessageView { Paragraphs = paragraphs, Link = link }, new PageView { Title = title, NoIndex = true }, status);
}
