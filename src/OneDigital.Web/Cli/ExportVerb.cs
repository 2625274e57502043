using OneDigital.Content.Recipes.Export;

namespace OneDigital.Web.Cli;

/// <summary><c>export [--out file]</c>: the store as an Orchard recipe, on standard output or in a file.</summary>
internal static class ExportVerb
{
    public static async Task RunAsync(IServiceProvider services, string? outPath, HostConsole console, CancellationToken ct)
    {
        var exporter = services.GetRequiredService<RecipeExporter>();
        if (outPath is null)
        {
            await using var output = console.OpenStandardOutput();
            await exporter.WriteAsync(output, ct);
            await output.WriteAsync("\n"u8.ToArray(), ct);
            return;
        }

        var path = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside the target and moved into place, so a failed export never leaves half a file behind.
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await exporter.WriteAsync(file, ct);
            }
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        await console.Out.WriteLineAsync($"Exported the definitions and content to {path}");
    }
}
