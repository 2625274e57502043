// Why: Orchard's MediaProfiles step names resize presets ("banner": 1024 wide, crop, webp); recipes store the step
// (Recipes/Stored) and the resizer honours it, so `?profile=banner` works and the export gives the step back as it came.
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes.Stored;

namespace OneDigital.Content.Media.Images;

/// <summary>
/// The media profiles of the stored <c>MediaProfiles</c> steps (a later step's profile replaces an earlier one of the
/// same name; names ignore case), read again at most every few seconds so every node sees an import soon.
/// </summary>
public sealed class MediaProfiles(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string StepName = "MediaProfiles";

    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, ImageResize> Profiles, DateTimeOffset ReadAt);

    /// <summary>The profile's resize options (its name in <see cref="ImageResize.Profile"/>), or null when there is none.</summary>
    public async Task<ImageResize?> FindAsync(string name, CancellationToken ct = default) =>
        (await AllAsync(ct)).GetValueOrDefault(name);

    public async Task<IReadOnlyDictionary<string, ImageResize>> AllAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } fresh && clock.GetUtcNow() - fresh.ReadAt < ReadEvery) return fresh.Profiles;
        await _reading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - again.ReadAt < ReadEvery) return again.Profiles;
            await using var scope = scopes.CreateAsyncScope();
            var steps = await scope.ServiceProvider.GetRequiredService<StoredRecipeSteps>().GetAsync(StepName, ct);
            var profiles = Read(steps);
            _snapshot = new Snapshot(profiles, clock.GetUtcNow());
            return profiles;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Forgets what was read, so the next request reads the stored steps (after this node imports a recipe).</summary>
    public void Forget() => _snapshot = null;

    /// <summary>
    /// The profiles of Orchard's step shape: <c>{ "MediaProfiles": { "name": { "Width", "Height", "Mode", "Format",
    /// "Quality", "BackgroundColor" } } }</c>; Mode and Format as names or Orchard's enum numbers. A value this
    /// resizer cannot honour leaves that option unset rather than losing the profile.
    /// </summary>
    public static IReadOnlyDictionary<string, ImageResize> Read(IEnumerable<JsonObject> steps)
    {
        var profiles = new Dictionary<string, ImageResize>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
        {
            if (JsonValues.Property(step, StepName) is not JsonObject named) continue;
            foreach (var (name, value) in named)
            {
                if (value is not JsonObject profile) continue;
                var mode = ImageResize.TryParseMode(Text(profile, "Mode"), out var m) ? m : null;
                var format = ImageResize.TryParseFormat(Text(profile, "Format"), out var f) ? f : null;
                var quality = Number(profile, "Quality");
                profiles[name] = new ImageResize
                {
                    Profile = name,
                    Width = Number(profile, "Width") is > 0 and var w ? w : null,
                    Height = Number(profile, "Height") is > 0 and var h ? h : null,
                    Mode = mode,
                    Format = format,
                    Quality = quality is >= 1 and <= 100 ? quality : null,
                    BackgroundColor = JsonValues.NonEmptyString(JsonValues.Property(profile, "BackgroundColor")),
                };
            }
        }
        return profiles;
    }

    private static string? Text(JsonObject profile, string key) => JsonValues.Property(profile, key) switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value when value.TryGetValue(out int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static int? Number(JsonObject profile, string key) => JsonValues.Property(profile, key) switch
    {
        JsonValue value when value.TryGetValue(out int number) => number,
        JsonValue value when value.TryGetValue(out string? text) && int.TryParse(text, out var parsed) => parsed,
        _ => null,
    };
}
