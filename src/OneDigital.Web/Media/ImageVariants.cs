// Why: a variant is made once and then read from disk: the cache is per node under the data folder (MediaCache/),
// keyed on the original's path, its stamp and the normalised options, so a replaced original never serves its old
// variants; a variant appears whole or not at all (written beside, then moved), concurrent requests for the same
// variant wait for one job, and a global limit keeps resizes from taking every core.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;
using OneDigital.Content.Store;

namespace OneDigital.Web.Media;

/// <summary>A variant on disk: its file, type and entity tag.</summary>
public sealed record ImageVariant(string FullPath, string ContentType, string ETag, DateTimeOffset LastModified);

/// <summary>Finds or makes the variants of originals.</summary>
public sealed class ImageVariants
{
    public const string FolderName = "MediaCache";

    private readonly string _root;
    private readonly MediaImageOptions _options;
    private readonly ImageResizer _resizer;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, Lazy<Task<ImageVariant>>> _making = new(StringComparer.Ordinal);
    private long _made;

    public ImageVariants(StoreOptions store, IOptions<MediaImageOptions> options)
    {
        _root = Path.Combine(Path.GetFullPath(store.DataDir), FolderName);
        _options = options.Value;
        _resizer = new ImageResizer(_options);
        _slots = new SemaphoreSlim(_options.MaxConcurrentResizes, _options.MaxConcurrentResizes);
    }

    /// <summary>How many variants this node has made since it started (cache misses).</summary>
    public long Made => Interlocked.Read(ref _made);

    public async Task<ImageVariant> GetAsync(MediaOriginal original, ImageResize resize, CancellationToken ct)
    {
        var format = ImageResizer.OutputFormat(resize, original.Path);
        // The profile's name is not part of the key: the same options share a file, whichever way they were asked for.
        var options = (resize with { Profile = null, Format = format }).ToQuery();
        var folder = Path.Combine(_root, Hash(original.Path));
        var name = $"{original.Stamp}-{Hash(original.Path + "\n" + options)}";
        var file = Path.Combine(folder, name + ImageResizer.Extension(format));
        var variant = new ImageVariant(file, ImageResizer.ContentType(format), $"\"{name}\"", original.LastWriteUtc);
        if (File.Exists(file)) return variant;

        var job = _making.GetOrAdd(file, _ => new Lazy<Task<ImageVariant>>(() => MakeAsync(original, resize, format, folder, variant)));
        // One requester leaving does not cancel the job the others wait for.
        return await job.Value.WaitAsync(ct);
    }

    private async Task<ImageVariant> MakeAsync(MediaOriginal original, ImageResize resize, ImageOutputFormat format, string folder, ImageVariant variant)
    {
        try
        {
            await _slots.WaitAsync();
            try
            {
                if (File.Exists(variant.FullPath)) return variant;
                Directory.CreateDirectory(folder);
                MakeRoom(folder, original.Stamp);
                var temporary = variant.FullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
                try
                {
                    await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                    {
                        await _resizer.ResizeAsync(original.Open, resize, format, output, CancellationToken.None);
                    }
                    File.Move(temporary, variant.FullPath, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temporary)) File.Delete(temporary);
                }
                Interlocked.Increment(ref _made);
                return variant;
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            _making.TryRemove(variant.FullPath, out _);
        }
    }

    // Variants of an older version of the file go; past the per-image limit no new variant is made.
    private void MakeRoom(string folder, string stamp)
    {
        var current = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            if (name.StartsWith(stamp + "-", StringComparison.Ordinal))
            {
                current++;
                continue;
            }
            try { File.Delete(file); } catch (IOException) { /* being read; the next miss retries */ }
        }
        if (current >= _options.MaxVariantsPerImage)
        {
            throw new MediaRequestException($"This image already has {current} sizes, the most this site keeps; use one of the sizes its pages use.");
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 10));
}
