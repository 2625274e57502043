using System.Text.Json;

namespace OneDigital.Web.Tests.Configuration;

/// <summary>The runtime settings the web host ships with (src/OneDigital.Web/RuntimeSettings.props says why each).</summary>
public class RuntimeSettingsTests
{
    [Test]
    public void The_web_host_runs_workstation_GC_without_dynamic_PGO_or_a_tiering_delay()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "OneDigital.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(file));
        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Multiple(() =>
        {
            Assert.That(options.GetProperty("System.GC.Server").GetBoolean(), Is.False, "Server GC took a 100,000-post node to 688 MB");
            Assert.That(options.GetProperty("System.Runtime.TieredPGO").GetBoolean(), Is.False);
            Assert.That(options.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32(), Is.Zero);
        });
    }
}
