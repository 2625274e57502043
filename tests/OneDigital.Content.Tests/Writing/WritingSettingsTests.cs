// Why: editors replace the plain-English list in the admin; the site must use theirs, refuse a list it cannot read
// and fall back to the shipped list when theirs is emptied.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Writing;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Writing;

public class WritingSettingsTests
{
    [Test]
    public async Task A_saved_list_is_used_and_emptying_it_brings_back_the_default()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<WritingSettings>();

        Assert.That((await settings.GetWordsAsync()).Entries["utilise"], Is.EqualTo("use"));

        Assert.That(await settings.SaveWordsTextAsync("onboard = welcome\r\n"), Is.Empty);
        Assert.That((await settings.GetWordsAsync()).Entries.Keys, Is.EqualTo(new[] { "onboard" }));

        Assert.That(await settings.SaveWordsTextAsync("broken line"), Has.Count.EqualTo(1));
        Assert.That((await settings.GetWordsAsync()).Entries.Keys, Is.EqualTo(new[] { "onboard" }), "a list with a bad line is not saved");

        Assert.That(await settings.SaveWordsTextAsync("  "), Is.Empty);
        Assert.That(await settings.GetWordsTextAsync(), Is.EqualTo(PlainEnglishList.DefaultText));
    }
}
