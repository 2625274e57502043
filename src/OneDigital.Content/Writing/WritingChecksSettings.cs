using OneDigital.Content.Definitions;

namespace OneDigital.Content.Writing;

/// <summary>
/// A content type's writing-check settings, in its settings bag as Orchard keeps a type's settings:
/// <c>"WritingChecksSettings": { "BlockingChecks": ["image-missing-alt", "link-empty-text"] }</c>. The checks listed
/// hold back publishing from the admin until an editor publishes anyway with a reason. Without the setting the
/// serious checks block; an empty list blocks none.
/// </summary>
public sealed class WritingChecksSettings
{
    public List<string>? BlockingChecks { get; set; }

    public IReadOnlyList<string> Blocking => BlockingChecks ?? [.. WritingCheck.BlockingByDefault];

    public static WritingChecksSettings Of(ContentTypeDefinition? type) =>
        type is null ? new WritingChecksSettings() : SettingsReader.Read<WritingChecksSettings>(type.Settings);

    /// <summary>The findings among these that block publishing for the type.</summary>
    public IReadOnlyList<WritingFinding> BlockingAmong(IEnumerable<WritingFinding> findings)
    {
        var blocking = Blocking;
        return findings.Where(f => blocking.Contains(f.CheckId, StringComparer.Ordinal)).ToArray();
    }
}
