// Why: creating and editing share everything but loading and the final write: the generated form, reading a post,
// refusing bad input with nothing written, the engine's validation errors on their fields, previews and searches
// that redisplay the form. Who acts is set for every admin request by Audit/AdminActor. A nested item's Add, Move or
// Remove button reshapes the post (Nested/NestedItemsPost) before it is read, and shows the form again unsaved.
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Editing.Nested;
using OneDigital.Admin.Editing.Pickers;
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Querying;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;
using OneDigital.Admin.Scheduling;
using OneDigital.Admin.Writing;

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

    /// <summary>The post with its nested items in the order shown (or dragged) and a nested item's button's change made.</summary>
    protected IFormCollection Posted => posted ??= NestedItemsPost.Apply(Request.Form, PostedAction);

    private IFormCollection? posted;

    /// <summary>Loads the type's definition for this request; false when there is no such type.</summary>
    protected async Task<bool> LoadTypeAsync(string typeName)
    {
        Definitions = await definitions.GetAsync(Aborted);
        if (Definitions.Type(typeName) is not { } type) return false;
        Type = type;
        await Tags.LoadAsync(User, Definitions, Aborted);
        words = await HttpContext.RequestServices.GetRequiredService<WritingSettings>().GetWordsAsync(Aborted);
        if (type.HasPart("LocalizationPart"))
        {
            Cultures = SiteCultures.From(await HttpContext.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(Aborted));
        }
        return true;
    }

    protected ContentForm Form(bool redisplay) => new(Type, Editors(redisplay), ModelState);

    protected EditorServices Editors(bool redisplay) => new(
        Definitions, query, users, time.Zone, redisplay ? Posted : null, Aborted)
    {
        User = User,
        Pickers = HttpContext.RequestServices.GetRequiredService<PickerSearch>(),
        Tags = Tags,
        Media = HttpContext.RequestServices.GetRequiredService<MediaLibrary>(),
        MediaUploads = MediaUploads,
        Words = words,
        Cultures = Cultures,
    };

    /// <summary>The site's cultures, read only for a type with a LocalizationPart.</summary>
    protected SiteCultures Cultures { get; private set; } = new(null, []);

    private PlainEnglishList words = PlainEnglishList.Default;

    private TagTaxonomies Tags => HttpContext.RequestServices.GetRequiredService<TagTaxonomies>();

    private MediaFieldUploads MediaUploads => HttpContext.RequestServices.GetRequiredService<MediaFieldUploads>();

    /// <summary>
    /// Writes the item with <paramref name="save"/> and, in the same transaction first, the new tags its Tags fields
    /// named and the files its media fields uploaded (deleted again when the save fails).
    /// </summary>
    protected async Task SaveAsync(ContentItem item, Func<Task> save)
    {
        try
        {
            await HttpContext.RequestServices.GetRequiredService<StoreTransaction>().RunAsync(async () =>
            {
                await Tags.AddPendingAsync(Manager, Definitions, Aborted);
                await MediaUploads.SaveAsync(item, Aborted);
                await save();
            }, Aborted);
        }
        catch
        {
            MediaUploads.DeleteSaved();
            throw;
        }
    }

    protected async Task ShowAsync(ContentItem item, bool redisplay)
    {
        Sections = await Form(redisplay).RenderAsync(item);
        WritingFindings = Sections.SelectMany(s => s.Fields).OfType<WritingPanelField>().Sum(p => p.Report.Findings.Count);
    }

    /// <summary>How many writing-check findings the bodies shown have (the Publish button says).</summary>
    public int WritingFindings { get; private set; }

    /// <summary>Whether publishing the item must first be confirmed: its type's blocking checks find something.</summary>
    protected bool PublishNeedsConfirming(ContentItem item) =>
        PublishAnywayModel.BlockingFindings(item, Definitions, words).Count > 0;

    /// <summary>Reads the post into the item; false (with messages in ModelState) when some input could not be read.</summary>
    protected bool ReadPost(ContentItem item)
    {
        ModelState.Clear();
        Tags.ClearPending();
        MediaUploads.Clear();
        Form(redisplay: true).Read(item, Posted);
        return ModelState.IsValid;
    }

    /// <summary>
    /// Reads the post into the item to show it again unsaved (a preview, a search, a nested item added or moved):
    /// input errors wait for a save, but a nested item of a type its part refuses is said at once.
    /// </summary>
    protected void KeepPost(ContentItem item)
    {
        ReadPost(item);
        foreach (var key in ModelState.Keys.Where(k => !NestedItemsPost.IsList(k)).ToList()) ModelState.Remove(key);
    }

    /// <summary>The engine's validation errors about the item, each on the input it is about.</summary>
    protected void AddErrors(ContentValidationException invalid, ContentItem item)
    {
        var form = Form(redisplay: true);
        foreach (var error in invalid.Errors) ModelState.AddModelError(form.KeyFor(error, item), form.MessageFor(error, item));
    }

    protected static string? UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

}
