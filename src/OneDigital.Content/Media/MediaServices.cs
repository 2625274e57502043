// Why: the media settings are checked at start like every section, so a bad limit stops the site with the key's name.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;

namespace OneDigital.Content.Media;

public static class MediaServices
{
    public static IServiceCollection AddMediaStore(this IServiceCollection services)
    {
        const string section = MediaOptions.Section;
        services.AddSettings<MediaOptions>(section)
            .AtLeast(section, nameof(MediaOptions.MaxFileSize), o => o.MaxFileSize, 1)
            .Validate(o => o.AllowedFileExtensions.All(e => e.Length > 1 && e[0] == '.'),
                $"{section}:AllowedFileExtensions must each start with a dot, e.g. .pdf");
        services.AddSingleton<MediaStore>();
        return services;
    }
}
