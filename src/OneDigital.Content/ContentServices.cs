using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Configuration;
using OneDigital.Content.Definitions;
using OneDigital.Content.Features;
using OneDigital.Content.Fields;
using OneDigital.Content.Html;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Mail;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;
using OneDigital.Content.Querying;
using OneDigital.Content.Parts.Autoroute;
using OneDigital.Content.Parts.Lists;
using OneDigital.Content.Parts.Localization;
using OneDigital.Content.Parts.Title;
using OneDigital.Content.Queries;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Confinement;
using OneDigital.Content.Recipes.Export;
using OneDigital.Content.Recipes.Steps;
using OneDigital.Content.Settings;
using OneDigital.Content.Writing;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Content;

public static class ContentServices
{
    /// <summary>Reads the store settings from configuration (see README: configuration keys).</summary>
    /// <exception cref="OptionsValidationException">A value cannot work; each message names its key.</exception>
    /// <remarks>
    /// Read before the container exists, because the provider decides which database is registered, so it cannot be
    /// an <c>AddSettings</c> section validated at start; its keys also span three sections. The rules and wording are
    /// those of <see cref="OptionsRules"/>, and the host and the CLI report the failure as they report any setting.
    /// </remarks>
    public static StoreOptions ReadStoreOptions(IConfiguration configuration)
    {
        var failures = new List<string>();
        var options = new StoreOptions
        {
            DataDir = configuration["OneDigital:DataDir"] is { Length: > 0 } dir ? dir : "App_Data",
            ConnectionString = configuration.GetConnectionString("Default") is { Length: > 0 } cs ? cs : null,
        };
        if (configuration["OneDigital:Database:Provider"] is { Length: > 0 } provider)
        {
            if (Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p) && Enum.IsDefined(p)) options.Provider = p;
            else failures.Add($"OneDigital:Database:Provider must be Sqlite or Postgres, not '{provider}'");
        }
        if (configuration["OneDigital:Database:BusyTimeoutSeconds"] is { Length: > 0 } busy)
        {
            if (double.TryParse(busy, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600)
            {
                options.BusyTimeout = TimeSpan.FromSeconds(seconds);
            }
            else failures.Add($"OneDigital:Database:BusyTimeoutSeconds must be more than zero and at most 3600, not '{busy}'");
        }
        if (options.Provider == DatabaseProvider.Postgres && options.ConnectionString is null)
        {
            failures.Add("ConnectionStrings:Default must be set when OneDigital:Database:Provider is Postgres");
        }
        return failures.Count == 0 ? options : throw new OptionsValidationException(nameof(StoreOptions), typeof(StoreOptions), failures);
    }

    public static IServiceCollection AddOneDigitalContent(this IServiceCollection services, StoreOptions store)
    {
        services.AddSingleton(store);
        if (store.Provider == DatabaseProvider.Postgres)
        {
            // Pooled: a new context's first use built its internal services, a tenth of an uncached GraphQL list's CPU
            // (every request scope makes one). Only on PostgreSQL: SQLite's staged import and dry run point a
            // context at a copy of the store (SetConnectionString), which a pooled context would carry to the next scope.
            services.AddDbContextPool<ContentDbContext, PostgresContentDbContext>((sp, o) => o.UseNpgsql(store.PostgresConnectionString)
                .AddInterceptors(new StoreWriteGuard(sp.GetRequiredService<StoreCondition>(), null), sp.GetRequiredService<IndexingSignal>()));
        }
        else
        {
            Directory.CreateDirectory(store.DataDir);
            // The options are built once (their interceptors keep no state of a request): built per request scope, they
            // and their connection string cost a fifth of an uncached GraphQL list.
            services.AddDbContext<ContentDbContext, SqliteContentDbContext>((sp, o) =>
                o.UseSqlite(store.SqliteConnectionString, sqlite => sqlite.CommandTimeout(store.BusyTimeoutWholeSeconds))
                    .AddInterceptors(new SqlitePragmas(store.BusyTimeout), new StoreWriteGuard(sp.GetRequiredService<StoreCondition>(), store.SqliteFilePath), sp.GetRequiredService<IndexingSignal>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 8;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<ContentDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IndexingSignal>();
        services.AddSingleton<StoreCondition>();
        services.AddSingleton<LiquidRenderer>();
        services.AddScoped<StoreInitializer>();
        services.AddScoped<DocumentStore>();
        services.AddSingleton<StoreVersions>();
        services.AddSingleton<IStoreChangeLog, IndexingTaskLog>();
        services.AddScoped<AfterCommitQueue>();
        services.AddScoped<ContentDefinitionStore>();
        services.AddSingleton(ContentDefinitionStore.Watched);
        services.AddScoped<IScopedCache>(sp => sp.GetRequiredService<ContentDefinitionStore>());
        services.AddScoped<ContentQuery>();
        services.AddScoped<IndexingReads>();
        services.AddScoped<StoreTransaction>();
        services.AddScoped<ContentManager>();
        // Order matters: the title gives the DisplayText the route pattern reads; fields are checked last.
        services.AddScoped<IContentPartHandler, TitlePartHandler>();
        services.AddScoped<IContentPartHandler, AutoroutePartHandler>();
        services.AddScoped<IContentPartHandler, ContainedPartHandler>();
        services.AddScoped<IContentPartHandler, LocalizationPartHandler>();
        services.AddScoped<IContentPartHandler, HtmlSanitizingHandler>();
        services.AddScoped<IContentPartHandler, FieldValidator>();
        services.AddScoped<IContentEventHandler, IndexingTaskRecorder>();
        services.AddAuditTrail();
        services.AddOneDigitalMail();
        services.AddBulletin();
        services.AddMediaStore();
        services.AddMediaImages();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<OneDigital.Content.Recipes.Stored.StoredRecipeSteps>();
        services.AddScoped<OneDigital.Content.Recipes.Stored.RecipeItemLedger>();
        services.AddScoped<OneDigital.Content.Recipes.Stored.SetupRunItems>();
        const string recipes = RecipeLimits.Section;
        services.AddSettings<RecipeLimits>(recipes)
            .AtLeast(recipes, nameof(RecipeLimits.MaxFileBytes), o => o.MaxFileBytes, 1)
            .AtLeast(recipes, nameof(RecipeLimits.MaxMediaFileBytes), o => o.MaxMediaFileBytes, 1)
            .AtLeast(recipes, nameof(RecipeLimits.MaxValueLength), o => o.MaxValueLength, 1)
            // A string's doubling must not overflow: a larger length is taken as the largest safe one, as before.
            .PostConfigure(o => o.MaxValueLength = Math.Min(o.MaxValueLength, RecipeLimits.LargestValueLength));
        services.AddSingleton<OneDigital.Content.Recipes.Staging.StagedImport>();
        services.AddSingleton<OneDigital.Content.Recipes.Staging.RecipeDryRun>();
        services.AddRecipeExport();
        services.AddSingleton<RecipeLocator>();
        services.AddScoped<SiteSettingsStore>();
        services.AddSingleton(SiteSettingsStore.Watched);
        services.AddSingleton<StoredSiteSettings>();
        // A factory, so a process without data protection (the CLI) still starts.
        services.AddSingleton(sp => new SmtpPasswordProtection(sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
        services.AddScoped<WritingSettings>();
        services.AddScoped<WritingFindingsRecorder>();
        services.AddScoped<IContentEventHandler>(sp => sp.GetRequiredService<WritingFindingsRecorder>());
        services.AddScoped<WritingFindingsQuery>();
        services.AddSingleton<WritingChecksSignal>();
        // The provider's context is one of the two subclasses; configuring both lets the signal hear its commits.
        services.ConfigureDbContext<SqliteContentDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WritingChecksSignal>()));
        services.ConfigureDbContext<PostgresContentDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WritingChecksSignal>()));
        services.AddHostedService<WritingChecksWorker>();
        services.AddScoped<SiteThemes>();
        services.AddScoped<EnabledFeatures>();
        services.AddScoped<IRecipeStep, FeatureStep>();
        services.AddScoped<IRecipeStep, ThemesStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, ContentDefinitionStep>();
        services.AddScoped<IRecipeStep, DeleteContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<IRecipeStep, MediaStep>();
        services.AddScoped<QueryDefinitions>();
        services.AddScoped<IRecipeStep, QueriesStep>();
        services.AddSingleton(StoredQueriesDocument.Watched);
        services.AddScoped<IndexProfiles>();
        services.AddScoped<IRecipeStep, IndexProfileSteps>();
        services.AddScoped<IRecipeStep, CustomSettingsStep>();
        services.AddScoped<IRecipeStep, RecipesStep>();
        services.AddScoped<IRecipeStep, AdminMenuStep>();
        services.AddScoped<IRecipeStep, TemplatesStep>();
        services.AddScoped<IRecipeStep, MediaProfilesStep>();
        services.AddScoped<OneDigital.Content.Recipes.Stored.RecipeTemplates>();
        services.AddScoped<OneDigital.Content.Recipes.Stored.RecipeAdminMenus>();
        services.AddOneDigitalSecurity();
        services.AddScoped<OneDigital.Content.Preview.PreviewTokens>();
        const string preview = OneDigital.Content.Preview.PreviewOptions.Section;
        services.AddSettings<OneDigital.Content.Preview.PreviewOptions>(preview)
            .Validate(o => o.DefaultLifetime > TimeSpan.Zero && o.DefaultLifetime <= o.MaxLifetime,
                $"{preview}:{nameof(OneDigital.Content.Preview.PreviewOptions.DefaultLifetime)} must be more than zero and at most {preview}:{nameof(OneDigital.Content.Preview.PreviewOptions.MaxLifetime)}");
        return services;
    }
}
