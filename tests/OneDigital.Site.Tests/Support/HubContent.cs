// Why: the hub's, blog's and case studies' tests all make posts, case studies and events with topics and regions
// as an editor would; the terms are the setup recipe's, read back from its taxonomies by slug.
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Site.Hub;

namespace OneDigital.Site.Tests.Support;

/// <summary>Items with taxonomy terms on a <see cref="ReadersSite"/>.</summary>
public static class HubContent
{
    public const string Learners = "working-with-learners";
    public const string Champions = "working-with-digital-champions";

    /// <summary>The id of the setup recipe's term with this slug in the taxonomy with this alias (topics, regions).</summary>
    public static async Task<string> TermIdAsync(this ReadersSite site, string alias, string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var terms = await scope.ServiceProvider.GetRequiredService<SiteTaxonomies>().TermsAsync(alias);
        return terms.FirstOrDefault(t => t.Slug == slug)?.Id ?? throw new InvalidOperationException($"no term {slug} in {alias}");
    }

    /// <summary>A published (or draft) post in the setup recipe's blog, with the topics given by slug.</summary>
    public static async Task<ContentItem> PostAsync(this ReadersSite site, string title, bool publish = true, string? author = null, params string[] topics)
    {
        var blogId = await site.IdAtAsync("blog");
        var topicIds = await IdsAsync(site, SiteTaxonomies.Topics, topics);
        return await site.CreateAsync("BlogPost", title, publish, $"About {title}.", item =>
        {
            item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = blogId;
            item.GetOrCreatePart("BlogPost")["Topics"] = Terms(topicIds);
            if (author is not null) item.Author = author;
        });
    }

    /// <summary>A published case study in a region, with topics and a few more values set by <paramref name="change"/>.</summary>
    public static async Task<ContentItem> CaseStudyAsync(this ReadersSite site, string title, string region, string[] topics, Action<JsonObject>? change = null)
    {
        var regionIds = await IdsAsync(site, SiteTaxonomies.Regions, [region]);
        var topicIds = await IdsAsync(site, SiteTaxonomies.Topics, topics);
        return await site.CreateAsync("CaseStudy", title, publish: true, $"How {title} went.", item =>
        {
            var part = item.GetOrCreatePart("CaseStudy");
            part["Region"] = Terms(regionIds);
            part["Topics"] = Terms(topicIds);
            change?.Invoke(part);
        });
    }

    /// <summary>A published event with topics, starting in a week.</summary>
    public static async Task<ContentItem> EventAsync(this ReadersSite site, string title, params string[] topics)
    {
        var topicIds = await IdsAsync(site, SiteTaxonomies.Topics, topics);
        return await site.CreateAsync("Event", title, publish: true, $"Come to {title}.", item =>
        {
            var part = item.GetOrCreatePart("Event");
            part["StartsAt"] = new JsonObject { ["Value"] = DateTime.UtcNow.AddDays(7) };
            part["Topics"] = Terms(topicIds);
        });
    }

    private static async Task<string[]> IdsAsync(ReadersSite site, string alias, string[] slugs)
    {
        var ids = new string[slugs.Length];
        for (var i = 0; i < slugs.Length; i++) ids[i] = await site.TermIdAsync(alias, slugs[i]);
        return ids;
    }

    private static JsonObject Terms(string[] ids) => new() { ["TermContentItemIds"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]) };
}
