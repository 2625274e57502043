// Why: a scheduling setting that cannot work (a zero poll interval, no room in a batch) must stop the site at start
// with the key a person edits, as every other setting does.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Scheduling;

namespace OneDigital.Content.Tests.Scheduling;

public class SchedulingOptionsTests
{
    [Test]
    public void Settings_that_cannot_work_are_refused_naming_their_keys()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Read(new()
        {
            ["OneDigital:Scheduling:PollInterval"] = "00:00:00",
            ["OneDigital:Scheduling:BatchSize"] = "0",
            ["OneDigital:Scheduling:PastTolerance"] = "-00:01:00",
        }));

        Assert.That(failure!.Failures, Is.EquivalentTo(new[]
        {
            "OneDigital:Scheduling:PollInterval must be longer than zero",
            "OneDigital:Scheduling:BatchSize must be at least 1",
            "OneDigital:Scheduling:PastTolerance must not be negative",
        }));
    }

    [Test]
    public void Unset_keys_keep_the_defaults_and_set_ones_are_read()
    {
        var options = Read(new() { ["OneDigital:Scheduling:ClaimDuration"] = "00:05:00", ["OneDigital:Scheduling:NodeName"] = "web-2" });

        Assert.That((options.PollInterval, options.ClaimDuration, options.BatchSize, options.NodeName),
            Is.EqualTo((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 20, "web-2")));
    }

    private static SchedulingOptions Read(Dictionary<string, string?> settings)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddContentScheduling()
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
    }
}
