using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Settings;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Schema;

/// <summary>Orchard's <c>siteCultures</c> root field: the site's supported cultures, the default one marked.</summary>
internal static class SiteCultureFields
{
    private sealed record SiteCulture(string Culture, bool IsDefault);

    public static FieldType Create(SchemaBuildContext schema)
    {
        var s = schema.Scalars;
        var type = new ObjectGraphType { Name = schema.UniqueTypeName("SiteCulture", "Type"), Description = "A culture the site supports." };
        type.AddField(Field("culture", s.NonNull(s.String), c => ((SiteCulture)c.Source!).Culture, "The culture's name (en-GB, cy-GB...)."));
        type.AddField(Field("isDefault", s.NonNull(s.Boolean), c => ((SiteCulture)c.Source!).IsDefault, "Whether it is the site's default culture."));
        return AsyncField("siteCultures", s.List(s.NonNull(type)), async c =>
        {
            var user = GraphQLUserContext.From(c);
            var settings = user.RequestServices.GetRequiredService<SiteSettingsStore>();
            var cultures = SiteCultures.From(await user.WithStoreAsync(() => settings.GetAsync(c.CancellationToken), c.CancellationToken));
            var names = cultures.SupportedCultures.Count > 0 ? cultures.SupportedCultures : cultures.DefaultCulture is { } d ? [d] : [];
            return names.Select(n => new SiteCulture(n, string.Equals(n, cultures.DefaultCulture, StringComparison.OrdinalIgnoreCase))).ToList();
        }, "The site's supported cultures (from the Settings step's LocalizationSettings), the default one marked.");
    }
}
