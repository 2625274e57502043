using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content;
using OneDigital.Content.Store;
using OneDigital.Testing;
using OneDigital.Web;

namespace OneDigital.Testing.Web;

/// <summary>A store in its own temporary folder, and the ways to run the app on it: as a site, as a verb, or by reading it.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _store;
    private readonly Func<Task>? _dropStore;

    private TestSite(string dataDir, Dictionary<string, string?> store, Func<Task>? dropStore)
    {
        DataDir = dataDir;
        _store = store;
        _dropStore = dropStore;
    }

    public string DataDir { get; }

    /// <summary>A SQLite store in a new temporary folder.</summary>
    public static TestSite Create() => Create([], null);

    /// <summary>A PostgreSQL store in a new database of the server named by ONEDIGITAL_TEST_POSTGRES.</summary>
    public static TestSite CreatePostgres()
    {
        var database = TestPostgres.NewDatabaseName();
        return Create(new()
        {
            ["OneDigital:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = TestPostgres.ConnectionString(database),
        }, () => TestPostgres.DropDatabaseAsync(database));
    }

    private static TestSite Create(Dictionary<string, string?> store, Func<Task>? dropStore)
    {
        var dir = Path.Combine(Path.GetTempPath(), "onedigital-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        store["OneDigital:DataDir"] = dir;
        return new TestSite(dir, store, dropStore);
    }

    /// <summary>
    /// Another web node on the same PostgreSQL database, with a data folder of its own (each node keeps its Lucene
    /// indexes and its lock there). The database is dropped by the first node's store only.
    /// </summary>
    public TestSite OtherNode()
    {
        if (_dropStore is null) throw new InvalidOperationException("Only a PostgreSQL store can be shared by several nodes.");
        return Create(new Dictionary<string, string?>(_store), null);
    }

    /// <summary>The store's settings as command-line switches.</summary>
    public string[] StoreArguments => [.. _store.Select(s => $"--{s.Key}={s.Value}")];

    public static string Recipe(string fileName) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Recipes", fileName);

    public static string SetupRecipe(string fileName) => $"--OneDigital:Setup:Recipe={Recipe(fileName)}";

    /// <summary>Runs the program's entry function with a verb; the store settings go last, as a user would type them.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var console = new CapturedConsole();
        int exitCode;
        try
        {
            exitCode = await OneDigitalHost.RunAsync([.. args, .. StoreArguments], console.Host).WaitAsync(RunLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The run did not end within {RunLimit} (a site expected to exit kept running). Its errors: {console.Error}");
        }
        return new CliResult(exitCode, console.Out, console.Error);
    }

    /// <summary>
    /// A guard against hanging, not a speed check: a run expected to end that never does (a site meant to exit) fails
    /// its test in minutes instead of at the test host's 20-minute hang timeout.
    /// </summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    /// <summary>Starts the real site on a free loopback port; setup runs in the background as it does in production.</summary>
    public Task<RunningSite> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>Starts the site with services of the test's own added last (a test schema, a test authentication handler).</summary>
    public async Task<RunningSite> StartAsync(Action<IServiceCollection>? configureServices, params string[] settings)
    {
        var console = new CapturedConsole();
        var app = OneDigitalHost.BuildWebApp(["--urls=http://127.0.0.1:0", .. StoreArguments, .. settings], console.Host, configureServices);
        await app.StartAsync();
        return new RunningSite(app, console);
    }

    /// <summary>Reads (or changes) the store directly, with the content services and nothing of the web host.</summary>
    public async Task<T> WithStoreAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_store)
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration))
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<int> CountItemsAsync() =>
        WithStoreAsync(s => s.GetRequiredService<ContentDbContext>().ContentItems.CountAsync(r => r.Latest));

    /// <summary>Every row an import or a setup can write, as text, so two snapshots compare exactly.</summary>
    public Task<string> SnapshotAsync() => WithStoreAsync(async s =>
    {
        var db = s.GetRequiredService<ContentDbContext>();
        if (_dropStore is null && !File.Exists(Path.Combine(DataDir, "onedigital.db")) || !await db.Database.CanConnectAsync())
        {
            return "(no store)";
        }
        var rows = new List<string>();
        rows.AddRange(await db.ContentItems.AsNoTracking().OrderBy(r => r.Id).Select(r => $"item {r.ContentItemVersionId}|{r.Latest}|{r.Published}|{r.Document}").ToListAsync());
        rows.AddRange(await db.ContentFieldIndex.AsNoTracking().OrderBy(r => r.Id).Select(r => $"index {r.ContentItemId}|{r.PartName}|{r.FieldName}|{r.TextValue}|{r.NumberValue}").ToListAsync());
        rows.AddRange(await db.Documents.AsNoTracking().OrderBy(d => d.Name).Select(d => $"document {d.Name}|{d.Version}|{d.Json}").ToListAsync());
        rows.AddRange(await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => $"user {u.Id}|{u.UserName}|{u.PasswordHash}").ToListAsync());
        rows.AddRange(await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => $"role {r.Name}").ToListAsync());
        rows.AddRange(await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).Select(r => $"user-role {r.UserId}|{r.RoleId}").ToListAsync());
        return string.Join("\n", rows);
    });

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_dropStore is not null)
        {
            await _dropStore();
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>The site, started; stopping it is disposing it.</summary>
public sealed class RunningSite(WebApplication app, CapturedConsole console) : IAsyncDisposable
{
    public HttpClient Http { get; } = new() { BaseAddress = new Uri(app.Urls.First()) };

    public IServiceProvider Services => app.Services;

    public CapturedConsole Console => console;

    /// <summary>Completes when setup has finished in the background (fails with its error).</summary>
    public Task SetupCompletion => app.Services.GetRequiredService<OneDigital.Web.Setup.SetupState>().Completion;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
