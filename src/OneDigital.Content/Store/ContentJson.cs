using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneDigital.Content.Store;

/// <summary>JSON options shared by the store (its documents), recipes and exports: the store owns them, being the lowest of their users.</summary>
public static class ContentJson
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNameCaseInsensitive = true,
    };

    public static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    /// <summary>Orchard recipes carry // comments and trailing commas.</summary>
    public static readonly JsonDocumentOptions Document = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
