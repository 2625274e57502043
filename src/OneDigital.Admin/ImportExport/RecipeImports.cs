// Why: the admin imports with the CLI's engine: a dry run first (nothing kept), then the real run in the background
// (a long recipe outlives a request) while the page shows progress. The uploaded file stays under the data folder
// between the two, so the administrator never uploads it twice and the run imports exactly what was tried.
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Audit;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Staging;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;

namespace OneDigital.Admin.ImportExport;

/// <summary>A file that cannot be taken as a recipe; the message is for the upload form.</summary>
public sealed class RecipeUploadException(string message) : Exception(message);

/// <summary>
/// The recipes uploaded to this node: each kept in <c>{DataDir}/AdminImports/{id}</c> until its import succeeds (or
/// for a day), its dry run's report, and its import run one at a time in the background. Held in memory: an upload's
/// pages answer on the node that took it, and not after a restart (upload it again).
/// </summary>
public sealed class RecipeImports(
    IServiceProvider services, StoreOptions store, RecipeDryRun dryRun, StagedImport staged,
    IHostApplicationLifetime lifetime, ILogger<RecipeImports> log)
{
    /// <summary>Kestrel's default request limit, which the upload form keeps: larger sites import with the CLI.</summary>
    public const long MaxUploadBytes = 28 * 1024 * 1024;

    /// <summary>What a zip may hold once unpacked.</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;

    public const int MaxZipEntries = 10_000;

    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, RecipeImport> _imports = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string Folder => Path.Combine(store.DataDir, "AdminImports");

    public RecipeImport? Find(string id) => _imports.GetValueOrDefault(id);

    public IReadOnlyList<RecipeImport> Recent() => [.. _imports.Values.OrderByDescending(i => i.UploadedUtc)];

    /// <summary>Keeps the file, reads it as a recipe and runs the dry run (whose failure is the import's report, not an error).</summary>
    /// <exception cref="RecipeUploadException">The file is not a recipe (not JSON, no steps, an unsafe or oversized zip).</exception>
    public async Task<RecipeImport> UploadAsync(IFormFile file, ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        ForgetOld();
        if (file.Length == 0) throw new RecipeUploadException("The selected file is empty.");
        if (file.Length > MaxUploadBytes) throw new RecipeUploadException($"The selected file must be smaller than {MaxUploadBytes / 1024 / 1024} MB; import larger recipes with the command line.");
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Folder, id);
        Directory.CreateDirectory(folder);
        try
        {
            var fileName = SafeFileName(file.FileName);
            string recipePath;
            await using (var upload = file.OpenReadStream())
            {
                if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    recipePath = await UnpackAsync(upload, folder, ct);
                }
                else if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    recipePath = Path.Combine(folder, fileName);
                    await using var output = File.Create(recipePath);
                    await upload.CopyToAsync(output, ct);
                }
                else
                {
                    throw new RecipeUploadException("The selected file must be a recipe (.json) or a zip holding one (.zip).");
                }
            }
            RecipeDescriptor recipe;
            try
            {
                recipe = RecipeDescriptor.Load(recipePath);
            }
            catch (RecipeException ex)
            {
                throw new RecipeUploadException($"The selected file is not a recipe: {ex.Reason}");
            }
            var (name, userId) = Who(user);
            var import = new RecipeImport
            {
                Id = id,
                FileName = fileName,
                RecipeName = recipe.Name,
                RecipePath = recipePath,
                UploadedBy = name,
                UploadedUtc = DateTime.UtcNow,
                StepCount = recipe.Steps.Count,
            };
            var parameters = await ParametersAsync(ct);
            try
            {
                import.DryRun = await dryRun.RunAsync(recipe, parameters, sp => sp.GetRequiredService<ContentActor>().Set(userId, name, address), ct);
                import.Stage = ImportStage.Ready;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (ex is not RecipeException) log.LogWarning(ex, "The dry run of the recipe '{Recipe}' failed", recipe.Name);
                import.DryRunFailure = ImportFailure.From(ex);
                import.Stage = ImportStage.Refused;
            }
            _imports[id] = import;
            return import;
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>Starts the import of a recipe whose dry run passed (or whose import failed and may be tried again); false when it cannot start.</summary>
    public bool Start(string id, ClaimsPrincipal user, string? address)
    {
        if (Find(id) is not { } import) return false;
        lock (import)
        {
            if (import.Stage is not (ImportStage.Ready or ImportStage.Failed)) return false;
            import.Stage = ImportStage.Waiting;
            import.Failure = null;
            import.Result = new ImportReport();
            import.RunBy = Who(user).Name;
        }
        var (name, userId) = Who(user);
        _ = Task.Run(() => RunAsync(import, userId, name, address));
        return true;
    }

    private async Task RunAsync(RecipeImport import, string? userId, string userName, string? address)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await _oneAtATime.WaitAsync(ct);
            try
            {
                lock (import) import.Stage = ImportStage.Running;
                var recipe = RecipeDescriptor.Load(import.RecipePath);
                var parameters = await ParametersAsync(ct);
                var result = await staged.ImportAsync(recipe, parameters, sp =>
                {
                    sp.GetRequiredService<ContentActor>().Set(userId, userName, address);
                    sp.GetRequiredService<RecipeExecutor>().ReportTo = import.Result;
                }, ct);
                lock (import)
                {
                    import.Result = result.Report;
                    import.WriteLockHeld = result.WriteLockHeld;
                    import.FinishedUtc = DateTime.UtcNow;
                    import.Stage = ImportStage.Done;
                }
                DeleteFolder(Path.GetDirectoryName(import.RecipePath)!);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (Exception ex)
        {
            if (ex is not (RecipeException or StagedImportException or OperationCanceledException)) log.LogError(ex, "The import of the recipe '{Recipe}' failed", import.RecipeName);
            lock (import)
            {
                import.Failure = ex is OperationCanceledException ? new ImportFailure("The site stopped before the import finished; nothing was imported.") : ImportFailure.From(ex);
                import.FinishedUtc = DateTime.UtcNow;
                import.Stage = ImportStage.Failed;
            }
        }
    }

    /// <summary>The values <c>parameters('...')</c> gives, as the CLI's import gives them: the setup's administrator and site name.</summary>
    private async Task<RecipeParameters> ParametersAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var setup = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetJsonAsync(SetupRunItems.SetupDocumentName, ct);
        return new RecipeParameters
        {
            AdminUserId = Text(setup, "AdminUserId"),
            AdminUsername = Text(setup, "AdminUserName"),
            SiteName = Text(setup, "SiteName"),
        };
    }

    private static string Text(JsonObject json, string name) => JsonValues.NonEmptyString(JsonValues.Property(json, name)) ?? "";

    private static (string Name, string? Id) Who(ClaimsPrincipal user) =>
        (user.Identity?.Name ?? ContentActor.SystemName, user.FindFirstValue(ClaimTypes.NameIdentifier));

    /// <summary>Unpacks a zip (Orchard's deployment package: <c>Recipe.json</c> and the files its media step names) inside the folder only.</summary>
    private static async Task<string> UnpackAsync(Stream upload, string folder, CancellationToken ct)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(upload, ZipArchiveMode.Read);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
        {
            throw new RecipeUploadException("The selected file is not a zip file.");
        }
        using (archive)
        {
            if (archive.Entries.Count > MaxZipEntries) throw new RecipeUploadException($"The zip file holds more than {MaxZipEntries} files.");
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long total = 0;
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new RecipeUploadException($"The zip file holds a path outside its own folder ('{entry.FullName}').");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var input = entry.Open();
                await using var output = File.Create(target);
                // Counted as written: an entry's declared length may understate what it unpacks to.
                var buffer = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > MaxUnpackedBytes) throw new RecipeUploadException($"The zip file unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB.");
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
        }
        var candidates = Directory.EnumerateFiles(folder, "*.json")
            .Where(f => Path.GetFileName(f).Equals("Recipe.json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".recipe.json", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new RecipeUploadException("The zip file must hold one recipe at its top level: Recipe.json or one file named *.recipe.json.");
    }

    /// <summary>The upload's own name, kept (a recipe without a <c>name</c> is named after its file, which the import ledger remembers).</summary>
    private static string SafeFileName(string uploaded)
    {
        var name = Path.GetFileName(uploaded.Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '-');
        return name.Length is 0 or > 200 || name.StartsWith('.') ? "recipe.json" : name;
    }

    /// <summary>Uploads a day old are let go, with their files; a running import is never.</summary>
    private void ForgetOld()
    {
        foreach (var import in _imports.Values.Where(i => DateTime.UtcNow - i.UploadedUtc > KeepFor && !i.IsRunning).ToList())
        {
            _imports.TryRemove(import.Id, out _);
        }
        if (!Directory.Exists(Folder)) return;
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            var id = Path.GetFileName(folder);
            if (!_imports.ContainsKey(id) && DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) > KeepFor) DeleteFolder(folder);
        }
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            log.LogWarning(ex, "Could not delete the uploaded recipe's folder {Folder}", folder);
        }
    }
}
