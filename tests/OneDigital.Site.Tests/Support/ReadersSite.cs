// Why: every site test needs the real host on loopback, set up with the setup recipe's content, and a way to change
// content as editors do (through ContentManager), so a test reads as what a reader sees after an editor acts.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Site.Tests.Support;

/// <summary>The real site (<c>OneDigitalHost.BuildWebApp</c>) on a throwaway SQLite store, set up with the setup recipe.</summary>
public sealed class ReadersSite : IAsyncDisposable
{
    private readonly TestSite _store;

    private ReadersSite(TestSite store, RunningSite site)
    {
        _store = store;
        Site = site;
    }

    public RunningSite Site { get; }

    /// <summary>A client without cookies that does not follow redirects or decompress, as a test wants to see answers.</summary>
    public HttpClient Http => Site.Http;

    public IServiceProvider Services => Site.Services;

    /// <summary>Starts the site; <paramref name="settings"/> are extra <c>--Key=value</c> switches.</summary>
    public static Task<ReadersSite> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>Starts the site with <paramref name="configureServices"/> run after the host's own registrations.</summary>
    public static async Task<ReadersSite> StartAsync(Action<IServiceCollection>? configureServices, params string[] settings)
    {
        var store = TestSite.Create();
        try
        {
            var site = await store.StartAsync(configureServices,
            [
                "--OneDigital:Setup:AdminUserName=admin",
                "--OneDigital:Setup:AdminEmail=admin@example.test",
                "--OneDigital:Setup:AdminPassword=Admin-Pa55word!",
                .. settings,
            ]);
            await site.SetupCompletion;
            return new ReadersSite(store, site);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Changes content as an editor would, through the content manager in a scope of its own.</summary>
    public async Task<T> WithContentAsync<T>(Func<ContentManager, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    /// <summary>A new item with a title (and a markdown body when the type has one), published or a draft.</summary>
    public Task<ContentItem> CreateAsync(string contentType, string title, bool publish, string? markdown = null, Action<ContentItem>? change = null) => WithContentAsync(async manager =>
    {
        var item = await manager.NewAsync(contentType);
        change?.Invoke(item);
        item.DisplayText = title;
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        if (markdown is not null)
        {
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = markdown;
        }
        await manager.CreateAsync(item, publish);
        return await manager.GetAsync(item.ContentItemId, VersionOptions.Latest) ?? throw new InvalidOperationException("not created");
    });

    /// <summary>The id of the published item at a path (the setup recipe's blog: "blog").</summary>
    public async Task<string> IdAtAsync(string path)
    {
        await using var scope = Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetByPathAsync(path);
        return item?.ContentItemId ?? throw new InvalidOperationException($"no published item at {path}");
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {path}");
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await _store.DisposeAsync();
    }
}
