// Why: the image settings are checked at start like every section, so a bad size stops the site with the key's name.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;

namespace OneDigital.Content.Media.Images;

public static class MediaImageServices
{
    public static IServiceCollection AddMediaImages(this IServiceCollection services)
    {
        const string section = MediaOptions.Section;
        services.AddSettings<MediaImageOptions>(section)
            .AtLeast(section, nameof(MediaImageOptions.MaxImagePixels), o => o.MaxImagePixels, 1)
            .AtLeast(section, nameof(MediaImageOptions.MaxConcurrentResizes), o => o.MaxConcurrentResizes, 1)
            .AtLeast(section, nameof(MediaImageOptions.MaxVariantsPerImage), o => o.MaxVariantsPerImage, 1)
            .Validate(o => o.Sizes.All(s => s is >= 1 and <= 8192), $"{section}:SupportedSizes must each be from 1 to 8192 pixels");
        services.AddSingleton<MediaOriginals>();
        services.AddSingleton<MediaProfiles>();
        return services;
    }
}
