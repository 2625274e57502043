using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Features;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Features;

/// <summary>The features document records what recipes enabled; a later disable wins over an enable in the same change.</summary>
public class EnabledFeaturesTests
{
    [Test]
    public async Task Nothing_is_recorded_until_a_change_and_a_feature_both_enabled_and_disabled_ends_disabled()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var features = scope.ServiceProvider.GetRequiredService<EnabledFeatures>();
        Assert.That(await features.GetAsync(), Is.Null, "no recipe named a feature yet");

        await features.ChangeAsync(["TheAdmin", "OrchardCore.Workflows"], ["OrchardCore.Workflows"]);

        Assert.That((await features.GetAsync())!.Enabled, Is.EquivalentTo(new[] { "TheAdmin" }));
    }
}
