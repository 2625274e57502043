namespace OneDigital.Content.Settings;

/// <summary>
/// The admin and site themes a recipe chose (<c>{ "admin": "TheAdmin", "site": "" }</c>): recorded so an export
/// carries them on; this CMS serves its own reader theme.
/// </summary>
public sealed class ThemesDocument
{
    public const string DocumentName = "Themes";

    public string? Admin { get; set; }
    public string? Site { get; set; }
}
