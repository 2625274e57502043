// Why: parsing a template on every request would cost more than rendering it, yet a designer editing a file on the
// server must see the change without a restart; each template is kept parsed and its file's time checked at most
// once a second.
using System.Collections.Concurrent;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace OneDigital.Site.Theme;

/// <summary>The theme's <c>Views/*.liquid</c> files, parsed once and parsed again when the file changes.</summary>
public sealed class ThemeTemplates
{
    public const string Extension = ".liquid";

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly FluidParser _parser = new();
    private readonly TimeProvider _clock;

    public ThemeTemplates(IOptions<SiteOptions> options, TimeProvider clock)
    {
        _clock = clock;
        ViewsFolder = Path.Combine(options.Value.FullThemePath, "Views");
        if (!Directory.Exists(ViewsFolder))
        {
            throw new DirectoryNotFoundException(
                $"The theme has no Views folder at {ViewsFolder} ({SiteOptions.Section}:{nameof(SiteOptions.ThemePath)}).");
        }
        // Partials ({% render 'name' %}, {% include 'name' %}) are read by Fluid from here.
        Files = new PhysicalFileProvider(ViewsFolder);
    }

    public string ViewsFolder { get; }

    /// <summary>
    /// A hash of the names and change times of the theme's files (templates and wwwroot), worked out at most once a second: cached
    /// pages are keyed on it, so a designer's edit shows on the next visit.
    /// </summary>
    public long Stamp
    {
        get
        {
            var now = _clock.GetUtcNow();
            var (stamp, checkedAt) = _stamp;
            if (now - checkedAt < CheckInterval) return stamp;
            var theme = Path.GetDirectoryName(ViewsFolder)!;
            // Every file's name and time, not the latest time: a file copied in with an older time is a change too.
            var hash = new HashCode();
            foreach (var file in Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.Add(file, StringComparer.Ordinal);
                hash.Add(File.GetLastWriteTimeUtc(file).Ticks);
            }
            var previous = _stamp.Stamp;
            stamp = hash.ToHashCode();
            _stamp = (stamp, now);
            if (stamp != previous)
            {
                // The page about to be cached under the new stamp must not be rendered with a template parsed before it.
                _entries.Clear();
            }
            return stamp;
        }
    }

    private (long Stamp, DateTimeOffset CheckedAt) _stamp = (0, DateTimeOffset.MinValue);

    public IFileProvider Files { get; }

    /// <summary>The first of <paramref name="names"/> the theme has (without the extension), or null when it has none.</summary>
    public IFluidTemplate? Find(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Get(name) is { } template) return template;
        }
        return null;
    }

    /// <summary>The parsed template, or null when the theme has no such file; a file Fluid cannot parse throws, naming it.</summary>
    public IFluidTemplate? Get(string name)
    {
        var now = _clock.GetUtcNow();
        if (_entries.TryGetValue(name, out var entry) && now - entry.CheckedAt < CheckInterval)
        {
            return entry.Template;
        }
        var path = Path.Combine(ViewsFolder, name + Extension);
        var file = new FileInfo(path);
        var modified = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        if (entry is not null && entry.Modified == modified)
        {
            _entries[name] = entry with { CheckedAt = now };
            return entry.Template;
        }
        var template = file.Exists ? Parse(name, File.ReadAllText(path)) : null;
        _entries[name] = new Entry(template, modified, now);
        return template;
    }

    private IFluidTemplate Parse(string name, string source) =>
        _parser.TryParse(source, out var template, out var error)
            ? template
            : throw new ThemeException($"The theme's template {name}{Extension} is invalid: {error}");

    private sealed record Entry(IFluidTemplate? Template, DateTime Modified, DateTimeOffset CheckedAt);
}

/// <summary>A theme that cannot render a page: logged in full, shown to the reader as the error page only.</summary>
public sealed class ThemeException(string message) : Exception(message);
