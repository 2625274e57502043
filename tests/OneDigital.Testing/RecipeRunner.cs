using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;

namespace OneDigital.Testing;

/// <summary>Runs recipes against a test store, and takes snapshots of everything the store holds.</summary>
public static class RecipeRunner
{
    public static readonly RecipeParameters Parameters = new() { AdminUserId = "admin-user-id", AdminUsername = "admin", SiteName = "Test site" };

    public static async Task<ImportReport> ImportAsync(this TestStore store, string json, string? basePath = null)
    {
        await using var scope = store.Scope();
        var recipe = RecipeDescriptor.Parse(json, basePath ?? TestContext.CurrentContext.TestDirectory);
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, Parameters);
    }

    public static async Task<ImportReport> ImportFileAsync(this TestStore store, string path)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Load(path), Parameters);
    }

    /// <summary>Every row of every table that an import can write, as text, so two snapshots compare exactly.</summary>
    public static async Task<string> SnapshotAsync(this TestStore store)
    {
        await using var scope = store.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var items = await db.ContentItems.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.ContentItemVersionId}|{r.Latest}|{r.Published}|{r.Document}").ToListAsync();
        var index = await db.ContentFieldIndex.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.ContentItemId}|{r.PartName}|{r.FieldName}|{r.TextValue}|{r.NumberValue}").ToListAsync();
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.Name).Select(d => $"{d.Name}|{d.Version}|{d.Json}").ToListAsync();
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name).ToListAsync();
        var claims = await db.RoleClaims.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.RoleId}|{c.ClaimValue}").ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();
        var storedSteps = await db.Set<StoredRecipeStep>().AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Name}|{s.Identity}|{s.Json}").ToListAsync();
        var ledger = await db.Set<RecipeItemLedgerEntry>().AsNoTracking().OrderBy(e => e.Recipe).ThenBy(e => e.ItemKey).Select(e => $"{e.Recipe}|{e.ItemKey}|{e.ContentItemId}").ToListAsync();
        return string.Join("\n", items.Concat(index).Concat(documents).Concat(roles!).Concat(claims).Concat(users!).Concat(storedSteps).Concat(ledger));
    }

    /// <summary>The folder that holds OneDigital.sln.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneDigital.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("OneDigital.sln not found above the test directory.");
    }

    /// <summary>Orchard's own recipes sit in ../shared beside the repository, for developers and CI only.</summary>
    public static string OrchardRecipe(string fileName)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "orchard-recipes", fileName));
        if (!File.Exists(path))
        {
            Assert.Ignore($"Orchard's recipe {fileName} is not available: these tests read ../shared/orchard-recipes beside the repository, which only developers' and CI's machines have.");
        }
        return path;
    }
}
