using OneDigital.Content.Store;

namespace OneDigital.Content.Settings;

/// <summary>The themes document's one reader and writer: the recipe step records a choice, the export writes it back.</summary>
public sealed class SiteThemes(DocumentStore documents)
{
    /// <summary>The themes recorded, or null when no recipe ever chose any.</summary>
    public async Task<ThemesDocument?> GetAsync(CancellationToken ct = default)
    {
        var (themes, version) = await documents.GetAsync<ThemesDocument>(ThemesDocument.DocumentName, ct);
        return version > 0 ? themes : null;
    }

    /// <summary>Records the themes given; a null one keeps what was recorded. Returns the themes now recorded.</summary>
    public async Task<ThemesDocument> SaveAsync(string? admin, string? site, CancellationToken ct = default)
    {
        var (themes, _) = await documents.GetAsync<ThemesDocument>(ThemesDocument.DocumentName, ct);
        themes.Admin = admin ?? themes.Admin;
        themes.Site = site ?? themes.Site;
        await documents.SaveAsync(ThemesDocument.DocumentName, themes, ct);
        return themes;
    }
}
