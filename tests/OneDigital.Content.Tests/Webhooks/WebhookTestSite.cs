using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Webhooks;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Webhooks;

/// <summary>A store with the webhook services, a BlogPost (routed) and an Event type, and endpoints from a recipe.</summary>
internal static class WebhookTestSite
{
    public const string Definitions = """
        { "name": "ContentDefinition", "ContentTypes": [
            { "Name": "BlogPost", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" } ] },
            { "Name": "Event", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] }
        """;

    public static async Task<TestStore> CreateAsync(string webhooks, Action<IServiceCollection>? configureServices = null, TestDatabase database = TestDatabase.Sqlite)
    {
        var store = await TestStore.CreateAsync(database, configureServices: services =>
        {
            services.AddWebhookStore();
            configureServices?.Invoke(services);
        });
        await store.ImportAsync($$"""{ "name": "Webhooks test", "steps": [ {{Definitions}}, { "name": "Webhooks", "Webhooks": {{webhooks}} } ] }""");
        return store;
    }

    public static async Task<ContentItem> NewPostAsync(ContentManager manager, string title, string path, string type = "BlogPost")
    {
        var item = await manager.NewAsync(type);
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        if (type == "BlogPost") item.GetOrCreatePart("AutoroutePart")["Path"] = path;
        return item;
    }
}
