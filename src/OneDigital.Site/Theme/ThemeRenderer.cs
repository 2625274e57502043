// Why: every page of the site is a template rendered inside the theme's layout; one renderer holds Fluid's options,
// so the allow-list of what templates may read, the filters and the encoding are decided in one place.
using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Querying;
using OneDigital.Content.Settings;
using OneDigital.Site.Models;
using OneDigital.Site.Navigation;
using OneDigital.Site.Seo;

namespace OneDigital.Site.Theme;

/// <summary>
/// Renders a theme template with <c>Model</c> (the page's view model) and <c>Page</c> (<see cref="PageView"/>), then
/// <c>Layout.liquid</c> with the result as <c>Body</c>. Templates may read only the registered view models, lists,
/// dictionaries and plain values; anything else reads as nothing.
/// </summary>
public sealed class ThemeRenderer
{
    public const string LayoutTemplate = "Layout";

    private readonly TemplateOptions _options = new();
    private readonly ThemeTemplates _templates;
    private readonly ThemeAssets _assets;
    private readonly TemplateOverrides _overrides;

    private const string OverridesKey = "TemplateOverrides";

    public ThemeRenderer(ThemeTemplates templates, ThemeAssets assets, TemplateOverrides overrides, IEnumerable<SiteViewModel> viewModels)
    {
        _templates = templates;
        _assets = assets;
        _overrides = overrides;
        _options.FileProvider = templates.Files;
        _options.CultureInfo = CultureInfo.GetCultureInfo("en-GB");
        _options.TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london : TimeZoneInfo.Utc;
        // A partial that renders itself, or a summary that summarises its list forever, ends here.
        _options.MaxRecursion = 20;
        _options.MemberAccessStrategy.Register<ItemView>();
        _options.MemberAccessStrategy.Register<PageView>();
        _options.MemberAccessStrategy.Register<LinkView>();
        _options.MemberAccessStrategy.Register<NavLink>();
        _options.MemberAccessStrategy.Register<MediaView>();
        foreach (var viewModel in viewModels)
        {
            _options.MemberAccessStrategy.Register(viewModel.Type);
        }
        // Sanitized HTML is written as it is; every other string is HTML-encoded.
        _options.ValueConverters.Add(value => value is SafeHtml html ? new StringValue(html.Value, encode: false) : null);
        _options.Filters.AddFilter("asset_url", (input, _, _) => new StringValue(_assets.Url(input.ToStringValue())));
        _options.Filters.AddFilter("summary", SummaryAsync);
        MediaFilters.Register(_options);
    }

    /// <summary>
    /// The whole page: the first of <paramref name="templates"/> the theme has, in the layout. Throws
    /// <see cref="ThemeException"/> when the theme has none of them (or no layout).
    /// </summary>
    public async Task<string> RenderPageAsync(HttpContext http, IReadOnlyList<string> templates, object? model, PageView page)
    {
        var overrides = await _overrides.CurrentAsync(http.RequestServices, http.RequestAborted);
        var template = FindAny(templates, overrides);
        var settings = await http.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(http.RequestAborted);
        page.SiteName = JsonValues.NonEmptyString(settings["SiteName"]) ?? "One Digital";
        page.Menu = await http.RequestServices.GetRequiredService<SiteMenu>()
            .LinksAsync(http.RequestServices.GetRequiredService<ContentQuery>(), http.RequestAborted);
        page.RequestPath = http.Request.Path.HasValue ? http.Request.Path.Value! : "/";
        page.CanonicalUrl = page.Path is null ? null : PublicAddress.Of(http, page.Path);
        page.ImageUrl = page.ImagePath is null ? null : PublicAddress.Of(http, page.ImagePath);

        var context = new TemplateContext(_options);
        context.AmbientValues[OverridesKey] = overrides;
        context.SetValue("Model", model);
        context.SetValue("Page", page);
        var body = await template.RenderAsync(context, HtmlEncoder.Default);
        var layout = _templates.Get(LayoutTemplate) ?? throw new ThemeException($"The theme has no {LayoutTemplate}{ThemeTemplates.Extension}.");
        context.SetValue("Body", new SafeHtml(body));
        return await layout.RenderAsync(context, HtmlEncoder.Default);
    }

    /// <summary>The templates an item is shown with, most specific first (Orchard's alternates).</summary>
    public static string[] ContentTemplates(string contentType, string? displayType = null) => displayType is null
        ? [$"Content-{contentType}", "Content"]
        : [$"Content-{contentType}-{displayType}", $"Content-{displayType}"];

    private IFluidTemplate FindAny(IReadOnlyList<string> names, TemplateOverrides.Snapshot overrides)
    {
        foreach (var name in names)
        {
            if (overrides.Templates.TryGetValue(name, out var overriding)) return overriding;
            if (_templates.Get(name) is { } template) return template;
        }
        throw new ThemeException($"The theme has none of the templates {string.Join(", ", names.Select(n => n + ThemeTemplates.Extension))}.");
    }

    // {{ item | summary }}: the item in Content-{Type}-Summary (or Content-Summary), with the page's other values.
    private async ValueTask<FluidValue> SummaryAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.ToObjectValue() is not ItemView item)
        {
            return NilValue.Instance;
        }
        var displayType = arguments.Count > 0 ? arguments.At(0).ToStringValue() : "Summary";
        var overrides = context.AmbientValues.TryGetValue(OverridesKey, out var value) && value is TemplateOverrides.Snapshot s ? s : TemplateOverrides.Snapshot.None;
        var template = FindAny(ContentTemplates(item.ContentType, displayType), overrides);
        context.EnterChildScope();
        try
        {
            context.SetValue("Model", item);
            return new StringValue(await template.RenderAsync(context, HtmlEncoder.Default), encode: false);
        }
        finally
        {
            context.ReleaseScope();
        }
    }
}

/// <summary>A view model type templates may read (see <see cref="SiteServices.AddSiteViewModel{T}"/>).</summary>
public sealed record SiteViewModel(Type Type);
