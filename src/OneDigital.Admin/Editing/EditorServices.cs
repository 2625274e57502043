// Why: a few editors need more than the field's value: pickers list items and users, date editors show the site's
// time zone, and a no-JavaScript search reloads the form with the words typed. One request-scoped bag for them.
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Pickers;
using Microsoft.AspNetCore.Identity;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Editing;

public sealed class EditorServices(ContentDefinitionDocument definitions, ContentQuery query, UserManager<User> users, TimeZoneInfo timeZone, IFormCollection? posted, CancellationToken ct)
{
    /// <summary>The editor: pickers offer only what they may see.</summary>
    public ClaimsPrincipal User { get; init; } = new();

    public PickerSearch Pickers { get; init; } = null!;

    /// <summary>The Tags fields' taxonomies, loaded before the post is read, and the new terms it names.</summary>
    public TagTaxonomies Tags { get; init; } = null!;

    /// <summary>The media library, for the media fields' search and the chosen files' facts.</summary>
    public OneDigital.Content.Media.Library.MediaLibrary Media { get; init; } = null!;

    /// <summary>The files the media fields' inputs carry, uploaded when the item is saved.</summary>
    public Fields.MediaFieldUploads MediaUploads { get; init; } = null!;

    /// <summary>The submit button pressed (<c>action</c>), when the form is being redisplayed.</summary>
    public string Action => Posted?["action"].ToString() ?? "";

    public ContentDefinitionDocument Definitions { get; } = definitions;

    public ContentQuery Query { get; } = query;

    public UserManager<User> Users { get; } = users;

    /// <summary>The site's time zone: dates and times are shown and typed in it and stored in UTC.</summary>
    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The form being redisplayed (after an error, a preview or a search), else null.</summary>
    public IFormCollection? Posted { get; } = posted;

    public CancellationToken Aborted { get; } = ct;

    /// <summary>The site's default and supported cultures, for the LocalizationPart's culture select.</summary>
    public OneDigital.Content.Settings.SiteCultures Cultures { get; init; } = new(null, []);

    /// <summary>The site's plain-English word list, for the writing checks' panels.</summary>
    public PlainEnglishList Words { get; init; } = PlainEnglishList.Default;
}
