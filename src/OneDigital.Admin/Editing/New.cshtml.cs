// Why: a new item of a Creatable type, owned by the editor who creates it; the permission is checked on that item,
// so an Author (EditOwnContent) may create and a Contributor may save drafts but not publish.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Scheduling;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Editing;

public sealed class NewModel(ContentManager manager, ContentQuery query, ContentDefinitionStore definitions, UserManager<User> users, SiteTime time)
    : ContentEditorPage(manager, query, definitions, users, time)
{
    public async Task<IActionResult> OnGetAsync(string type)
    {
        if (await NewItemAsync(type) is not { } item) return NotFound();
        if (await DemandAsync(Permissions.EditContent, item) is { } refused) return refused;
        await ShowAsync(item, redisplay: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type)
    {
        if (await NewItemAsync(type) is not { } item) return NotFound();
        if (await DemandAsync(Permissions.EditContent, item) is { } refused) return refused;
        var action = PostedAction;
        var publish = action == Publish;
        if (publish && await DemandAsync(Permissions.PublishContent, item) is { } notPublisher) return notPublisher;

        if (action is not (SaveDraft or SaveAndContinue or Publish)) KeepPost(item);
        else if (ReadPost(item))
        {
            try
            {
                var confirm = publish && PublishNeedsConfirming(item);
                await SaveAsync(item, () => Manager.CreateAsync(item, publish && !confirm, Aborted));
                if (confirm) return Redirect(ContentEditorLinks.PublishAnyway(item.ContentItemId));
                return Redirect(action == SaveAndContinue ? ContentEditorLinks.Edit(item.ContentItemId) + "?saved=1" : ContentEditorLinks.List);
            }
            catch (ContentValidationException invalid)
            {
                AddErrors(invalid, item);
            }
        }
        await ShowAsync(item, redisplay: true);
        return Page();
    }

    private async Task<ContentItem?> NewItemAsync(string type)
    {
        if (!await LoadTypeAsync(type) || !Type.TypeSettings.Creatable) return null;
        var item = await Manager.NewAsync(Type.Name, Aborted);
        item.Owner = UserId(User);
        item.Author = User.Identity?.Name;
        CanPublish = await IsGrantedAsync(Permissions.PublishContent, item);
        return item;
    }
}
