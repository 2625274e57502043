// Why: where the theme lives is the one thing an operator may want to change about the site without a build, so a
// designer can work on a copy of the theme folder on a running server.
namespace OneDigital.Site;

/// <summary><c>OneDigital:Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "OneDigital:Site";

    /// <summary>The theme folder (templates in <c>Views/</c>, files in <c>wwwroot/</c>); relative paths are from the app's folder.</summary>
    public string ThemePath { get; set; } = Path.Combine("Themes", "OneDigital");

    /// <summary>How long an anonymous page stays in the output cache when no content changes.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The zone readers are told event times in (an IANA or Windows id; times are stored in UTC).</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public string FullThemePath => Path.GetFullPath(ThemePath, AppContext.BaseDirectory);
}
