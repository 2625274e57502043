// Why: the media settings are checked at start like every section, so a bad limit or a shared storage without a
// path stops the site with the key's name; the storage is chosen here once.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Configuration;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Media.Uploads;
using OneDigital.Content.Store;

namespace OneDigital.Content.Media;

public static class MediaServices
{
    public static IServiceCollection AddMediaStore(this IServiceCollection services)
    {
        const string section = MediaOptions.Section;
        services.AddSettings<MediaOptions>(section)
            .AtLeast(section, nameof(MediaOptions.MaxFileSize), o => o.MaxFileSize, 1)
            .AtLeast(section, nameof(MediaOptions.MaxImagePixels), o => o.MaxImagePixels, 1)
            .AtLeast(section, nameof(MediaOptions.MaxImageSide), o => o.MaxImageSide, 1)
            .Validate(o => o.MaxFileSizes.Values.All(v => v >= 1), $"{section}:MaxFileSizes must each be at least 1")
            .Validate(o => o.AllowedFileExtensions.All(e => e.Length > 1 && e[0] == '.'),
                $"{section}:AllowedFileExtensions must each start with a dot, e.g. .pdf")
            .Validate(o => o.Storage != MediaStorageKind.SharedFolder || (o.SharedPath is { } p && Path.IsPathFullyQualified(p)),
                $"{section}:SharedPath must be an absolute folder path when {section}:Storage is SharedFolder");
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            return options.Storage == MediaStorageKind.SharedFolder
                ? new FolderMediaFileStore(options.SharedPath!, flushToDisk: true)
                : new FolderMediaFileStore(MediaFolder.Root(sp.GetRequiredService<StoreOptions>()), flushToDisk: false);
        });
        // Both kinds of storage are folders: serving (MediaOriginals) reads the same folder directly, for sendfile and ranges.
        services.AddSingleton<IMediaFileStore>(sp => sp.GetRequiredService<FolderMediaFileStore>());
        services.AddSingleton<UploadCheck>();
        services.AddScoped<MediaStore>();
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
