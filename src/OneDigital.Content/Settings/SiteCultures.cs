using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Content.Settings;

/// <summary>
/// The site's cultures as Orchard's Settings step gives them (<c>LocalizationSettings</c>: DefaultCulture,
/// SupportedCultures), read from the site settings document. None named means any culture is accepted.
/// </summary>
public sealed record SiteCultures(string? DefaultCulture, IReadOnlyList<string> SupportedCultures)
{
    public const string SectionName = "LocalizationSettings";

    public static SiteCultures From(JsonObject siteSettings)
    {
        var section = siteSettings[SectionName] as JsonObject;
        var supported = JsonValues.NonEmptyStrings(section?["SupportedCultures"]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var defaultCulture = JsonValues.NonEmptyString(section?["DefaultCulture"]);
        if (defaultCulture is not null && supported.Count > 0 && !supported.Contains(defaultCulture, StringComparer.OrdinalIgnoreCase))
        {
            supported.Insert(0, defaultCulture);
        }
        return new SiteCultures(defaultCulture ?? supported.FirstOrDefault(), supported);
    }

    /// <summary>Whether an item may have this culture: one the settings name, or any when they name none.</summary>
    public bool Allows(string culture) =>
        SupportedCultures.Count == 0 || SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
