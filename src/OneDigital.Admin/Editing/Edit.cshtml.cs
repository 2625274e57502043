// Why: editing saves a new version only if the item's latest version is still the one the form was loaded from
// (carried in the form); otherwise the conflict page shows both versions and nothing is overwritten.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Editing.Parts;
using OneDigital.Admin.Scheduling;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Editing;

public sealed class EditModel(ContentManager manager, ContentQuery query, ContentDefinitionStore definitions, UserManager<User> users, SiteTime time, IEnumerable<IContentEditorPanelLink> panels)
    : ContentEditorPage(manager, query, definitions, users, time)
{
    /// <summary>The latest version id the form was loaded from.</summary>
    [BindProperty]
    public string VersionId { get; set; } = "";

    public ContentItem Item { get; private set; } = null!;

    /// <summary>Set when a save was refused because someone saved a newer version.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>The side panel's links (versions, preview, schedule...), from every registered <see cref="IContentEditorPanelLink"/>.</summary>
    public IReadOnlyList<InfoLink> PanelLinks { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        VersionId = Item.ContentItemVersionId;
        await ShowAsync(Item, redisplay: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var action = PostedAction;
        var publish = action == Publish;
        if (publish && await DemandAsync(Permissions.PublishContent, Item) is { } notPublisher) return notPublisher;
        Saved = null;

        // The draft the post is written into: a new version over a published one, so the published stays served.
        var item = await Manager.GetAsync(id, VersionOptions.DraftRequired, Aborted) ?? Item;
        if (action is not (SaveDraft or SaveAndContinue or Publish)) KeepPost(item);
        else if (ReadPost(item))
        {
            try
            {
                // Serious findings hold the publish: the changes are saved as a draft and the confirmation page asks.
                var confirm = publish && PublishNeedsConfirming(item);
                await SaveAsync(item, () => publish && !confirm ? Manager.PublishAsync(item, VersionId, Aborted) : Manager.UpdateAsync(item, VersionId, Aborted));
                if (confirm) return Redirect(ContentEditorLinks.PublishAnyway(id));
                return Redirect(action == SaveAndContinue ? ContentEditorLinks.Edit(id) + "?saved=1" : ContentEditorLinks.List);
            }
            catch (ContentValidationException invalid)
            {
                AddErrors(invalid, item);
            }
            catch (ContentConflictException conflict)
            {
                var theirs = await Query.GetLatestAsync(id, Aborted);
                Conflict = ConflictView.Of(conflict, Type, Definitions, item, theirs);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        await ShowAsync(item, redisplay: true);
        return Page();
    }

    /// <summary>The site's supported cultures the item's localization set has no item in (offered by "Add a translation").</summary>
    public IReadOnlyList<string> MissingCultures { get; private set; } = [];

    /// <summary>
    /// Orchard's "Localize": a new draft cloned from the item, in <paramref name="culture"/> and the same localization
    /// set, then its editor. Refused when the set already has that culture or the culture is not the site's.
    /// </summary>
    public async Task<IActionResult> OnPostTranslateAsync(string id, [FromForm(Name = TranslateInput)] string? culture)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!Type.HasPart(LocalizationSet.PartName) || !Type.TypeSettings.Creatable) return NotFound();
        // Creating the translation needs what the New page needs for the type.
        var translation = await Manager.NewAsync(Type.Name, Aborted);
        translation.Owner = UserId(User);
        if (await DemandAsync(Permissions.EditContent, translation) is { } notCreator) return notCreator;
        var set = LocalizationSet.Of(Item);
        var items = await set.ItemsAsync(Query, Aborted);
        var error = culture is not { Length: > 0 } ? "Choose the culture of the translation."
            : set.Set is null ? "Save this item first: it has no localization set yet."
            : !Cultures.Allows(culture) ? $"The culture '{culture}' is not one of the site's supported cultures."
            : LocalizationSet.MissingCultures([culture], items).Count == 0 ? $"This item already has a translation in {culture}."
            : null;
        if (error is null)
        {
            var source = Item.Clone();
            source.GetOrCreatePart(LocalizationSet.PartName)["Culture"] = culture;
            // The translation is the translator's, as a clone is in Orchard.
            source.Owner = translation.Owner;
            source.Author = User.Identity?.Name;
            try
            {
                var created = await Manager.CloneAsync(source, Aborted);
                return Redirect(ContentEditorLinks.Edit(created.ContentItemId));
            }
            catch (ContentValidationException invalid)
            {
                error = $"The translation could not be made: {string.Join("; ", invalid.Errors)}";
            }
        }
        ModelState.AddModelError(TranslateInput, error);
        VersionId = Item.ContentItemVersionId;
        await ShowAsync(Item, redisplay: false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The "Add a translation" select's name (and its error's key).</summary>
    public const string TranslateInput = "TranslationCulture";

    /// <summary>The item's latest version and the type; the answer to give instead (404, 403) when there is none or it may not be edited.</summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (await Manager.GetAsync(id, VersionOptions.Latest, Aborted) is not { } item || !await LoadTypeAsync(item.ContentType)) return NotFound();
        Item = item;
        if (await DemandAsync(Permissions.EditContent, item) is { } refused) return refused;
        CanPublish = await IsGrantedAsync(Permissions.PublishContent, item);
        var links = new List<(int Order, InfoLink Link)>();
        foreach (var panel in panels)
        {
            if (await panel.ForAsync(item, User, HttpContext.RequestServices, Aborted) is { } link) links.Add((panel.Order, link));
        }
        PanelLinks = [.. links.OrderBy(l => l.Order).Select(l => l.Link)];
        if (Type.HasPart(LocalizationSet.PartName))
        {
            MissingCultures = LocalizationSet.MissingCultures(Cultures.SupportedCultures, await LocalizationSet.Of(item).ItemsAsync(Query, Aborted));
        }
        return null;
    }
}
