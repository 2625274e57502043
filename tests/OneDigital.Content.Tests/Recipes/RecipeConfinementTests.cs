using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Steps;
using OneDigital.Content.Settings;
using OneDigital.Content.Recipes.Confinement;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>
/// A recipe reads only regular files inside its own folder, only allow-listed configuration, and cannot build
/// strings past the limit; each refusal fails the import naming the step and the JSON path, and writes nothing.
/// </summary>
public class RecipeConfinementTests
{
    private string _folder = "";

    [SetUp]
    public void CreateRecipeFolder()
    {
        _folder = Directory.CreateTempSubdirectory("recipe-confined").FullName;
        File.WriteAllText(Path.Combine(_folder, "inside.txt"), "inside the folder");
    }

    [TearDown]
    public void DeleteRecipeFolder() => Directory.Delete(_folder, recursive: true);

    private static string SettingsRecipe(string value) => $$"""
        { "name": "Confined", "steps": [ { "name": "settings", "SiteName": "Before" }, { "name": "settings", "Leak": "{{value}}" } ] }
        """;

    [TestCase("/etc/passwd", "absolute path")]
    [TestCase("/proc/self/environ", "absolute path")]
    [TestCase("/dev/zero", "absolute path")]
    [TestCase("../../..", "leads out of the recipe's folder")]
    [TestCase("../../../../../../etc/passwd", "leads out of the recipe's folder")]
    [TestCase("sub/../../outside.txt", "leads out of the recipe's folder")]
    [TestCase("~/.bashrc", "absolute path")]
    public async Task A_file_expression_outside_the_recipe_folder_fails_the_step_at_its_json_path(string file, string reason)
    {
        await using var store = await TestStore.CreateAsync();
        var before = await store.SnapshotAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe($"[file:text('{file}')]"), _folder));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StepNumber, Is.EqualTo(2));
            Assert.That(error.StepName, Is.EqualTo("settings"));
            Assert.That(error.JsonPath, Is.EqualTo("steps[1].Leak"));
            Assert.That(error.Message, Does.Contain(reason));
            Assert.That(error.Message, Does.Not.Contain("root:"), "nothing of the file is shown");
        });
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_symbolic_link_out_of_the_folder_is_refused_and_one_that_stays_inside_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "passwd.txt"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_folder, "alias.txt"), "inside.txt");
        await using var store = await TestStore.CreateAsync();

        var file = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe("[file:text('passwd.txt')]"), _folder));
        var folder = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe("[file:text('etc/passwd')]"), _folder));
        await store.ImportAsync(SettingsRecipe("[file:text('alias.txt')]"), _folder);

        Assert.Multiple(async () =>
        {
            Assert.That(file!.Message, Does.Contain("symbolic link").And.Contain("steps[1].Leak"));
            Assert.That(folder!.Message, Does.Contain("symbolic link").And.Contain("steps[1].Leak"));
            Assert.That(await SettingAsync(store, "Leak"), Is.EqualTo("inside the folder"));
        });
    }

    [Test]
    public async Task A_file_larger_than_the_limit_is_refused_naming_the_limit()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "big.txt"), new string('x', 2000));
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Recipes:MaxFileBytes"] = "1000" });

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe("[file:text('big.txt')]"), _folder));

        Assert.That(error!.Message, Does.Contain("OneDigital:Recipes:MaxFileBytes").And.Contain("steps[1].Leak"));
    }

    [Test]
    public void Devices_and_system_files_are_not_regular_files_even_when_reached()
    {
        // Reached only through a path the folder check already refuses; this is the second line of defence.
        Assert.Multiple(() =>
        {
            Assert.That(() => RecipeFiles.ReadText("/dev/zero", "zero", 1000), Throws.TypeOf<RecipeFileException>().With.Message.Contain("not a regular file"));
            Assert.That(() => RecipeFiles.ReadText("/proc/self/environ", "environ", 1000), Throws.TypeOf<RecipeFileException>().With.Message.Contain("not a regular file"));
            Assert.That(() => RecipeFiles.CheckRegularFile("/dev/zero", "zero", 1000, "limit"), Throws.TypeOf<RecipeFileException>().With.Message.Contain("not a regular file"));
        });
    }

    [Test]
    public async Task A_folder_is_not_a_file()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "Snippets"));
        await using var store = await TestStore.CreateAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe("[file:text('Snippets')]"), _folder));

        Assert.That(error!.Message, Does.Contain("is a folder").And.Contain("steps[1].Leak"));
    }

    [TestCase("/etc/passwd", "absolute path")]
    [TestCase("link.txt", "symbolic link")]
    public async Task A_media_source_outside_the_folder_fails_the_step_and_copies_nothing(string source, string reason)
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "link.txt"), "/etc/passwd");
        await using var store = await TestStore.CreateAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(MediaRecipe(source), _folder));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StepNumber, Is.EqualTo(1));
            Assert.That(error.JsonPath, Is.EqualTo("steps[0].Files[0].SourcePath"));
            Assert.That(error.Message, Does.Contain(reason));
            Assert.That(File.Exists(MediaFile(store)), Is.False);
        });
    }

    [Test]
    public async Task A_media_source_that_climbs_out_of_the_folder_is_not_read_and_is_reported_as_orchard_module_recipes_expect()
    {
        await using var store = await TestStore.CreateAsync();

        var report = await store.ImportAsync(MediaRecipe("../wwwroot/assets/img/home-bg.jpg"), _folder);

        Assert.That(report.Warnings, Has.Some.Contains("steps[0].Files[0].SourcePath").And.Some.Contains("outside the recipe's folder"));
        Assert.That(File.Exists(MediaFile(store)), Is.False);
    }

    [Test]
    public async Task A_media_source_inside_the_folder_is_copied_within_the_size_limit()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Recipes:MaxMediaFileBytes"] = "10" });
        await File.WriteAllTextAsync(Path.Combine(_folder, "large.txt"), new string('x', 11));

        await File.WriteAllTextAsync(Path.Combine(_folder, "small.txt"), "0123456789");
        await store.ImportAsync(MediaRecipe("small.txt"), _folder);
        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(MediaRecipe("large.txt"), _folder));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(MediaFile(store)), Is.EqualTo("0123456789"));
            Assert.That(error!.Message, Does.Contain("OneDigital:Recipes:MaxMediaFileBytes").And.Contain("steps[0].Files[0].SourcePath"));
        });
    }

    [TestCase("OneDigital:Setup:AdminPassword", "never readable")]
    [TestCase("ConnectionStrings:Reporting", "never readable")]
    [TestCase("Smtp:Password", "never readable")]
    [TestCase("Other:Value", "not on the allow-list OneDigital:Recipes:ConfigurationKeys")]
    public async Task Configuration_outside_the_allow_list_or_holding_secrets_fails_the_step(string key, string reason)
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?>
        {
            ["OneDigital:Setup:AdminPassword"] = "s3cret-admin",
            ["ConnectionStrings:Reporting"] = "Host=x;Password=db-pass",
            ["Smtp:Password"] = "smtp-pass",
            ["Other:Value"] = "other",
            // Listing a secret does not open it.
            ["OneDigital:Recipes:ConfigurationKeys:0"] = "OneDigital:*",
            ["OneDigital:Recipes:ConfigurationKeys:1"] = "ConnectionStrings:*",
            ["OneDigital:Recipes:ConfigurationKeys:2"] = "Smtp:Password",
        });
        var before = await store.SnapshotAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe($"[js: configuration('{key}', 'fallback')]"), _folder));

        Assert.Multiple(() =>
        {
            Assert.That(error!.JsonPath, Is.EqualTo("steps[1].Leak"));
            Assert.That(error.Message, Does.Contain(reason));
            Assert.That(error.Message, Does.Not.Contain("s3cret-admin").And.Not.Contain("db-pass").And.Not.Contain("smtp-pass"));
        });
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Allow_listed_configuration_is_read_by_key_or_prefix_and_partner_settings_by_default()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["Partners:ReaderSecret"] = "partner", ["Site:Colour"] = "green" });
        await using var listed = await TestStore.CreateAsync(new Dictionary<string, string?> { ["Site:Colour"] = "green", ["OneDigital:Recipes:ConfigurationKeys:0"] = "Site:*" });

        await store.ImportAsync(SettingsRecipe("[js: configuration('Partners:ReaderSecret')]"), _folder);
        await listed.ImportAsync(SettingsRecipe("[js: configuration('Site:Colour')]"), _folder);
        var unlisted = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe("[js: configuration('Site:Colour')]"), _folder));

        Assert.Multiple(async () =>
        {
            Assert.That(await SettingAsync(store, "Leak"), Is.EqualTo("partner"));
            Assert.That(await SettingAsync(listed, "Leak"), Is.EqualTo("green"));
            Assert.That(unlisted!.Message, Does.Contain("Partners:*"), "the message lists what is allowed");
        });
    }

    [TestCase("'x'.repeat(4e8)", "repeat()")]
    [TestCase("''.padEnd(4e8, 'x')", "padEnd()")]
    [TestCase("''.padStart(4e8)", "padStart()")]
    [TestCase("new Array(100000).fill('x'.repeat(1000)).join('')", "join()")]
    [TestCase("new Array(100000).fill('x'.repeat(1000)).toString()", "join()")]
    [TestCase("'x'.repeat(1e7).concat('x'.repeat(1e7))", "concat()")]
    [TestCase("typeof ShadowRealm === 'undefined' ? 'x'.repeat(4e8) : new ShadowRealm().evaluate(`'x'.repeat(4e8)`)", "repeat()")]
    public async Task Scripts_cannot_build_a_string_past_the_limit_in_one_call(string script, string refused)
    {
        await using var store = await TestStore.CreateAsync();
        var started = DateTime.UtcNow;

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe($"[js: {script}]"), _folder));

        Assert.Multiple(() =>
        {
            Assert.That(error!.JsonPath, Is.EqualTo("steps[1].Leak"));
            Assert.That(error.Message, Does.Contain(refused).And.Contain("OneDigital:Recipes:MaxValueLength"));
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)), "refused before the string is built");
        });
    }

    [Test]
    public async Task A_script_result_longer_than_the_limit_is_refused()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Recipes:MaxValueLength"] = "100" });

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe("[js: 'x'.repeat(60) + 'y'.repeat(60)]"), _folder));

        Assert.That(error!.Message, Does.Contain("120 characters").And.Contain("OneDigital:Recipes:MaxValueLength").And.Contain("steps[1].Leak"));
    }

    [Test]
    public async Task Gzip_of_a_small_input_that_expands_past_the_limit_is_refused()
    {
        // 64 MB of zeros compress to about 64 KB.
        var bomb = Convert.ToBase64String(Gzip(new byte[64 * 1024 * 1024]));
        await using var store = await TestStore.CreateAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe($"[js: gzip('{bomb}')]"), _folder));

        Assert.That(error!.Message, Does.Contain("gzip()").And.Contain("OneDigital:Recipes:MaxValueLength").And.Contain("steps[1].Leak"));
    }

    [Test]
    public async Task Base64_output_past_the_limit_is_refused()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Recipes:MaxValueLength"] = "100" });
        var encoded = Convert.ToBase64String(new byte[200]);

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(SettingsRecipe($"[js: base64('{encoded}')]"), _folder));

        Assert.That(error!.Message, Does.Contain("base64()").And.Contain("OneDigital:Recipes:MaxValueLength"));
    }

    private static string MediaRecipe(string source) => $$"""
        { "name": "Media", "steps": [ { "name": "media", "Files": [ { "TargetPath": "copied.txt", "SourcePath": "{{source}}" } ] } ] }
        """;

    private static string MediaFile(TestStore store) =>
        Path.Combine(OneDigital.Content.Media.MediaFolder.Root(store.Services.GetRequiredService<StoreOptions>()), "copied.txt");

    private static async Task<string?> SettingAsync(TestStore store, string key)
    {
        await using var scope = store.Scope();
        return (await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync())[key]?.GetValue<string>();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
