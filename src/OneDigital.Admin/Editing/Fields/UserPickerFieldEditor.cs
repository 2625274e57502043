// Why: a user picker names users by their user name; Orchard keeps both the ids and the names.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class UserPickerFieldEditor : IFieldEditor
{
    private const int MaxChoices = 100;

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var picked = FormValues.Strings(value, "UserIds");
        var search = field.Services.Posted is { } posted ? FormValues.Text(posted, field.Name + ".Search") : null;
        var users = field.Services.Users.Users;
        var matching = search is null ? users : users.Where(u => u.UserName!.Contains(search));
        var shown = (await matching.OrderBy(u => u.UserName).Take(MaxChoices).Select(u => new { u.Id, u.UserName }).ToListAsync(field.Services.Aborted))
            .Concat(await users.Where(u => picked.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToListAsync(field.Services.Aborted))
            .DistinctBy(u => u.Id);
        var multiple = !string.Equals(field.KindSetting("Multiple"), "false", StringComparison.OrdinalIgnoreCase);
        return
        [
            new PickerField(field.Name, field.LabelText,
                [.. shown.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Select(u => new Choice(u.Id, u.UserName ?? u.Id) { Selected = picked.Contains(u.Id) })])
            {
                Hint = field.Hint ?? (multiple ? "Choose one or more users" : "Choose a user"),
                Multiple = multiple,
                Searchable = true,
                Search = search,
                Empty = search is null ? "There are no users." : $"No users match \u201c{search}\u201d.",
            },
        ];
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var ids = FormValues.All(form, field.Name).Distinct(StringComparer.Ordinal).ToArray();
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
