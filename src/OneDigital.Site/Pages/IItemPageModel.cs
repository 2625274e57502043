// Why: some types need more on their page than the item itself (a report part's neighbours, an event's calendar
// links, a phase's chart); the fallback route stays one route, and each such type brings its own model from its
// own folder.
using Microsoft.AspNetCore.Http;
using OneDigital.Content.Items;
using OneDigital.Site.Models;

namespace OneDigital.Site.Pages;

/// <summary>
/// The model of <see cref="ContentType"/>'s page in place of the plain <see cref="ItemView"/> (register it scoped;
/// the model's type with <see cref="SiteServices.AddSiteViewModel{T}"/>).
/// </summary>
public interface IItemPageModel
{
    string ContentType { get; }

    /// <summary>The model <c>Content-{Type}.liquid</c> sees for this published item, whose detail view is <paramref name="view"/>.</summary>
    Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view);
}
