// Why: how long a preview link lives is a site's choice; short by default, since whoever holds the link reads the draft.
namespace OneDigital.Content.Preview;

public sealed class PreviewOptions
{
    public const string Section = "OneDigital:Preview";

    /// <summary>A token's lifetime when the issuer names none (1 hour).</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest lifetime an issuer may ask for (7 days).</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(7);
}
