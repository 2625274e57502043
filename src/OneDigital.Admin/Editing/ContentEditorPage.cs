// Why: creating and editing share everything but loading and the final write: the generated form, reading a post,
// refusing bad input with nothing written, the engine's validation errors on their fields, previews and searches
// that redisplay the form. Who acts is set for every admin request by Audit/AdminActor.
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Admin.Scheduling;

namespace OneDigital.Admin.Editing;

/// <summary>The editor pages' base; the services it needs are its constructor's.</summary>
public abstract class ContentEditorPage(ContentManager manager, ContentQuery query, ContentDefinitionStore definitions, UserManager<User> users, SiteTime time)
    : AdminPage
{
    /// <summary>The submit buttons' <c>action</c> values.</summary>
    public const string SaveDraft = "draft", SaveAndContinue = "continue", Publish = "publish", Preview = "preview", Search = "search";

    public ContentTypeDefinition Type { get; private set; } = null!;

    public IReadOnlyList<FormSection> Sections { get; private set; } = [];

    /// <summary>Whether the user may publish this item (the Publish button is shown).</summary>
    public bool CanPublish { get; protected set; }

    protected ContentDefinitionDocument Definitions { get; private set; } = null!;

    protected ContentManager Manager => manager;

    protected ContentQuery Query => query;

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected string PostedAction => Request.HasFormContentType ? Request.Form["action"].ToString() : "";

    /// <summary>Loads the type's definition for this request; false when there is no such type.</summary>
    protected async Task<bool> LoadTypeAsync(string typeName)
    {
        Definitions = await definitions.GetAsync(Aborted);
        if (Definitions.Type(typeName) is not { } type) return false;
        Type = type;
        return true;
    }

    protected ContentForm Form(bool redisplay) => new(Type, Editors(redisplay), ModelState);

    protected EditorServices Editors(bool redisplay) => new(
        Definitions, query, users, time.Zone, redisplay ? Request.Form : null, Aborted);

    protected async Task ShowAsync(ContentItem item, bool redisplay) => Sections = await Form(redisplay).RenderAsync(item);

    /// <summary>Reads the post into the item; false (with messages in ModelState) when some input could not be read.</summary>
    protected bool ReadPost(ContentItem item)
    {
        ModelState.Clear();
        Form(redisplay: true).Read(item, Request.Form);
        return ModelState.IsValid;
    }

    /// <summary>The engine's validation errors, each on the input it is about.</summary>
    protected void AddErrors(ContentValidationException invalid)
    {
        var form = Form(redisplay: true);
        foreach (var error in invalid.Errors) ModelState.AddModelError(form.KeyFor(error), form.MessageFor(error));
    }

    protected static string? UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

}
