// Why: the learning report is read part after part, so each part links to the one before and after it in the
// series' own order (the editors' ListPart order), and the series page lists the parts, HTML first, PDF as an extra.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Reports;

/// <summary>The ReportSeries page's model: its parts in order with their downloads.</summary>
internal sealed class ReportSeriesPage(ReportDownloads downloads) : IItemPageModel
{
    public string ContentType => "ReportSeries";

    public Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view) =>
        Task.FromResult<object>(new ReportSeriesView { Item = view, Parts = ReportParts.Links(view.Children, downloads) });
}

/// <summary>A Report part's page model: its number, series, neighbours and PDF.</summary>
internal sealed class ReportPartPage(ContentQuery query, ItemViews views, ReportDownloads downloads) : IItemPageModel
{
    public string ContentType => "Report";

    public async Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view)
    {
        IReadOnlyList<ReportPartLink> parts = [];
        var index = -1;
        if (view.Container is { } series)
        {
            var children = await query.GetChildrenAsync([series.Id], 0, ItemViews.ChildrenShown, http.RequestAborted);
            if (children.TryGetValue(series.Id, out var contained))
            {
                parts = ReportParts.Links(await views.SummariesAsync(contained, http.RequestAborted), downloads);
                index = contained.ToList().FindIndex(c => c.ContentItemId == item.ContentItemId);
            }
        }
        var number = index >= 0 ? parts[index].Number : ReportParts.NumberOf(view, 1);
        return new ReportPartView
        {
            Item = view,
            Number = number,
            Series = view.Container,
            Previous = index > 0 ? parts[index - 1] : null,
            Next = index >= 0 && index < parts.Count - 1 ? parts[index + 1] : null,
            Pdf = downloads.PdfOf(view, number),
        };
    }
}

internal static class ReportParts
{
    /// <summary>The parts as links, in the order given (the list's), numbered by their PartNumber or else their place.</summary>
    public static IReadOnlyList<ReportPartLink> Links(IReadOnlyList<ItemView> parts, ReportDownloads downloads) =>
    [
        .. parts.Select((part, i) =>
        {
            var number = NumberOf(part, i + 1);
            return new ReportPartLink
            {
                Number = number,
                Title = part.DisplayText,
                Url = part.Url,
                Summary = part.Fields.TryGetValue("Summary", out var summary) ? summary as string : null,
                Pdf = downloads.PdfOf(part, number),
            };
        }),
    ];

    public static int NumberOf(ItemView part, int place) =>
        part.Fields.TryGetValue("PartNumber", out var value) && value is decimal n && n >= 1 && n <= int.MaxValue ? (int)n : place;
}

public static class ReportServices
{
    public static IServiceCollection AddReportPages(this IServiceCollection services)
    {
        services.AddSingleton<ReportDownloads>();
        services.AddScoped<IItemPageModel, ReportSeriesPage>();
        services.AddScoped<IItemPageModel, ReportPartPage>();
        services.AddSiteViewModel<ReportSeriesView>();
        services.AddSiteViewModel<ReportPartView>();
        services.AddSiteViewModel<ReportPartLink>();
        services.AddSiteViewModel<ReportDownload>();
        return services;
    }
}
