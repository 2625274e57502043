// Why: recipes' Templates steps override the theme's files from the store; reading and parsing them per request would
// cost more than the page, and another node's import must still show within a second.
using Fluid;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes.Stored;

namespace OneDigital.Site.Theme;

/// <summary>
/// The theme templates that recipes' <c>Templates</c> steps override (Content's <see cref="RecipeTemplates"/>: Orchard's
/// shape names mapped to the theme's), parsed as the theme's files are and re-read at most once a second. An override
/// wins over the theme's file of the same name; <see cref="Snapshot.Stamp"/> joins the site's cache key.
/// </summary>
public sealed class TemplateOverrides(TimeProvider clock)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly FluidParser _parser = new();
    private (Snapshot Current, DateTimeOffset CheckedAt) _state = (Snapshot.None, DateTimeOffset.MinValue);

    public sealed record Snapshot(IReadOnlyDictionary<string, IFluidTemplate> Templates, long Stamp)
    {
        public static readonly Snapshot None = new(new Dictionary<string, IFluidTemplate>(), 0);
    }

    public async Task<Snapshot> CurrentAsync(IServiceProvider requestServices, CancellationToken ct = default)
    {
        var (current, checkedAt) = _state;
        var now = clock.GetUtcNow();
        if (now - checkedAt < CheckInterval) return current;
        var (sources, stamp) = await requestServices.GetRequiredService<RecipeTemplates>().ReadAsync(ct);
        if (stamp != current.Stamp || checkedAt == DateTimeOffset.MinValue)
        {
            var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
            foreach (var (name, source) in sources)
            {
                // Checked at import; one that fails here anyway leaves the theme's file in charge.
                if (_parser.TryParse(source, out var template, out _)) templates[name] = template;
            }
            current = new Snapshot(templates, stamp);
        }
        _state = (current, now);
        return current;
    }
}
