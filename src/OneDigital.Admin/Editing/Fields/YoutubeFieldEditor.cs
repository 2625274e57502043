// Why: editors paste a YouTube address as they copy it; Orchard keeps that and the embed address made from it.
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class YoutubeFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextInputField(field.Name, field.LabelText)
            {
                Hint = field.Hint ?? "The video's address, for example https://www.youtube.com/watch?v=abc123",
                Value = FormValues.String(value, "RawAddress"),
                Type = "url",
                Spellcheck = false,
            },
        ]);

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var raw = FormValues.Text(form, field.Name);
        if (raw is null) return new JsonObject { ["RawAddress"] = null, ["EmbeddedAddress"] = null };
        if (VideoId(raw) is not { } id)
        {
            field.AddError($"{field.Label} must be a YouTube video address");
            return new JsonObject { ["RawAddress"] = raw, ["EmbeddedAddress"] = null };
        }
        return new JsonObject { ["RawAddress"] = raw, ["EmbeddedAddress"] = $"https://www.youtube.com/embed/{id}" };
    }

    private static string? VideoId(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return null;
        var id = uri.Host.EndsWith("youtu.be", StringComparison.OrdinalIgnoreCase)
            ? uri.AbsolutePath.Trim('/')
            : uri.AbsolutePath.StartsWith("/embed/", StringComparison.Ordinal) ? uri.AbsolutePath["/embed/".Length..]
            : HttpUtility.ParseQueryString(uri.Query)["v"];
        return id is { Length: > 0 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id : null;
    }
}
