// Why: a user picker works like the content picker (the chosen users listed, the rest found by name or email, with or
// without scripts), over the users its settings allow (DisplayAllUsers, or the DisplayedRoles' members). Orchard
// stores both the ids and the user names, in the order chosen.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Pickers;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class UserPickerFieldEditor : IFieldEditor
{
    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<UserPickerFieldSettings>();
        var services = field.Services;
        var picked = FormValues.Strings(value, "UserIds");
        var search = services.Posted is { } posted ? FormValues.Text(posted, field.Name + ".Search") : null;
        var results = search is null || services.Action != ContentEditorPage.Search
            ? null
            : await services.Pickers.UsersAsync(settings, search, picked, services.Aborted);
        return
        [
            new SearchPickerField(field.Name, field.LabelText, await services.Pickers.ChosenUsersAsync(picked, services.Aborted))
            {
                Hint = field.Hint ?? (settings.Multiple ? "Choose one or more users, found by name or email" : "Choose a user, found by name or email"),
                Multiple = settings.Multiple,
                SearchUrl = field.SearchUrl,
                Search = search,
                Results = results,
                Noun = "users",
            },
        ];
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var ids = SearchPickerField.Read(form, field.Name, field.Settings<UserPickerFieldSettings>().Multiple);
        var names = field.Services.Users.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToList();
        var known = ids.Where(id => names.Exists(n => n.Id == id)).ToArray();
        if (known.Length < ids.Length) field.AddError($"{field.Label}: a chosen user no longer exists");
        return new JsonObject
        {
            ["UserIds"] = FormValues.Array(known),
            ["UserNames"] = FormValues.Array(known.Select(id => names.Find(n => n.Id == id)!.UserName ?? "")),
        };
    }
}
