using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.GraphQL.Tests.Support;

namespace OneDigital.GraphQL.Tests.Schema;

public class SchemaRebuildTests
{
    [Test]
    public async Task The_schema_is_reused_until_the_definitions_change_then_rebuilt_without_a_restart()
    {
        await using var site = await GraphQLTestSite.OneDigitalAsync();
        var source = site.Store.Services.GetRequiredService<IGraphQLSchemaSource>();
        var first = await source.GetSchemaAsync();
        Assert.That(await source.GetSchemaAsync(), Is.SameAs(first), "unchanged definitions reuse the schema");

        await using (var scope = site.Store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().AlterTypeAsync("Newsletter", t =>
                t.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" }));
        }
        var rebuilt = await source.GetSchemaAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rebuilt, Is.Not.SameAs(first));
            Assert.That(first.Query.GetField("newsletter"), Is.Null);
            Assert.That(rebuilt.Query.GetField("newsletter"), Is.Not.Null);
        });
        await site.CreateAsync("Newsletter", i => i.DisplayText = "November");
        var data = await site.DataAsync("{ newsletter { displayText titlePart { title } } }");
        Assert.That(data["newsletter"]![0]!["displayText"]!.GetValue<string>(), Is.EqualTo("November"));
    }
}
