using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using OneDigital.Content.Recipes;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using StoreOptions = OneDigital.Content.Store.StoreOptions;

namespace OneDigital.Web.Setup;

/// <summary>
/// Brings the store up to date and, the first time only, runs the setup recipe and creates the administrator.
/// The recipe, the administrator and the <c>Setup</c> document are written in one transaction: a failure anywhere
/// leaves the store empty, and the next start tries again. Setup runs only where the data folder has never held a
/// store: its marker (<see cref="StoreMarker"/>) outside the database says which store it held, and a start that
/// finds the marker but not that store stops with a message saying what is missing, rather than setting up a new
/// site over the old one.
/// </summary>
public sealed class SiteSetup(
    ContentDbContext db,
    StoreInitializer initializer,
    DocumentStore documents,
    RecipeExecutor recipes,
    UserManager<User> users,
    AdminAccount adminAccount,
    StoreTransaction transaction,
    StoreOptions store,
    SetupOptions options,
    TimeProvider clock,
    ILogger<SiteSetup> logger)
{
    public const string DocumentName = Content.Recipes.Stored.SetupRunItems.SetupDocumentName;

    /// <summary>
    /// Sets the store up unless it already is; either way returns the setup record. What a person must read (the
    /// recipe's report, a generated password) goes to <paramref name="output"/>.
    /// </summary>
    public async Task<SetupRecord> EnsureSetUpAsync(TextWriter output, CancellationToken ct = default)
    {
        await using var setupLock = await SetupLock.AcquireAsync(db, store, logger, ct);
        var marker = StoreMarker.Read(store);
        if (marker is not null && store.SqliteFilePath is { } file && !File.Exists(file))
        {
            // Checked before the migrations, which would create an empty file in its place.
            throw new SetupException(Missing(marker, $"its database file {file} is missing"));
        }
        await InitializeStoreAsync(ct);
        if (await FindRecordAsync(ct) is { } existing)
        {
            return await AdoptAsync(existing, marker, ct);
        }
        if (marker is not null)
        {
            throw new SetupException(Missing(marker, $"{StoreMarker.Describe(store)} has never been set up (it is empty or new)"));
        }

        var recipe = RecipeDescriptor.Load(options.RecipePath);
        var admin = new User { UserName = options.AdminUserName, Email = options.AdminEmail };
        var password = options.AdminPassword ?? AdminPassword.Generate();
        await ValidateAdministratorAsync(admin, password);

        logger.LogInformation("Setting up the store with the recipe {Recipe}", options.RecipePath);
        var record = new SetupRecord
        {
            StoreId = Guid.NewGuid().ToString("N"),
            SetUpUtc = clock.GetUtcNow().UtcDateTime,
            Recipe = recipe.Name,
            AdminUserId = admin.Id,
            AdminUserName = options.AdminUserName,
            SiteName = options.SiteName,
        };
        var report = await transaction.RunAsync(async () =>
        {
            // The recipe runs first: its Roles step creates the built-in roles with their default permissions.
            var imported = await recipes.ExecuteAsync(recipe, new RecipeParameters
            {
                AdminUserId = admin.Id,
                AdminUsername = options.AdminUserName,
                SiteName = options.SiteName,
            }, ct);
            await CreateAdministratorAsync(admin, password, record, ct);
            return imported;
        }, ct);
        // After the commit: a crash in between leaves a set-up store without a marker, which the next start adopts.
        StoreMarker.For(store, record.StoreId, record.SetUpUtc).Write(store);

        await output.WriteLineAsync($"Setup: ran the recipe '{recipe.Name}' ({options.RecipePath})");
        await output.WriteLineAsync(report.ToString());
        await output.WriteLineAsync(options.AdminPassword is null
            ? $"Setup: created the administrator '{options.AdminUserName}' with the generated password: {password}{Environment.NewLine}" +
              "Setup: this password is shown only once; note it now (or set OneDigital:Setup:AdminPassword before the first start)."
            : $"Setup: created the administrator '{options.AdminUserName}' with the configured password.");
        return record;
    }

    /// <summary>Whether the store has been set up, without waiting for a setup in progress elsewhere.</summary>
    public async Task<SetupRecord?> FindRecordAsync(CancellationToken ct = default)
    {
        var (record, version) = await documents.GetAsync<SetupRecord>(DocumentName, ct);
        return version == 0 ? null : record;
    }

    private Task InitializeStoreAsync(CancellationToken ct) => initializer.InitializeAsync(ct);

    /// <summary>
    /// A set-up store: it must be the one the data folder's marker names. A store set up before markers existed gets
    /// its id now, and a folder without a marker (a new web node on a shared PostgreSQL database) gets one.
    /// </summary>
    private async Task<SetupRecord> AdoptAsync(SetupRecord existing, StoreMarker? marker, CancellationToken ct)
    {
        if (marker is not null && existing.StoreId.Length > 0 && marker.StoreId != existing.StoreId)
        {
            throw new SetupException(
                $"The data folder {Path.GetFullPath(store.DataDir)} held the store {marker.StoreId} ({marker.Database}, set up {marker.SetUpUtc:u}), " +
                $"but {StoreMarker.Describe(store)} holds a different store ({existing.StoreId}, set up {existing.SetUpUtc:u}). " +
                $"Point the site back at its own database, or remove {StoreMarker.PathIn(store)} if this folder is now to serve the other store.");
        }
        if (existing.StoreId.Length == 0)
        {
            existing.StoreId = marker?.StoreId ?? Guid.NewGuid().ToString("N");
            await transaction.RunAsync(() => documents.SaveAsync(DocumentName, existing, ct), ct);
            logger.LogInformation("The store was given the id {StoreId}", existing.StoreId);
        }
        if (marker is null || marker.LostUtc is not null)
        {
            // No marker yet, or one a site left when it lost this store, which is back (restored) now.
            StoreMarker.For(store, existing.StoreId, existing.SetUpUtc).Write(store);
        }
        return existing;
    }

    private string Missing(StoreMarker marker, string what) =>
        $"The data folder {Path.GetFullPath(store.DataDir)} held the store {marker.StoreId} ({marker.Database}, set up {marker.SetUpUtc:u})" +
        (marker.LostUtc is { } lost ? $", which a running site found gone at {lost:u} ({marker.LostReason})" : "") +
        $", but {what}. Setup will not create a new site over it: restore the database, " +
        $"or remove {StoreMarker.PathIn(store)} if this folder is really to be set up as a new, empty site.";

    /// <summary>Checks the account before anything is written, so a bad name or password leaves the store untouched.</summary>
    private async Task ValidateAdministratorAsync(User admin, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.UserValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, admin)).Errors.Select(e => e.Description));
        }
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, admin, password)).Errors.Select(e => e.Description));
        }
        if (admin.Email is not null && !new EmailAddressAttribute().IsValid(admin.Email))
        {
            errors.Add($"'{admin.Email}' is not an email address.");
        }
        if (errors.Count > 0)
        {
            throw new SetupException(
                $"The administrator account cannot be created ({string.Join(" ", errors)}). " +
                "Check OneDigital:Setup:AdminUserName, OneDigital:Setup:AdminEmail and OneDigital:Setup:AdminPassword.");
        }
    }

    /// <summary>
    /// The administrator, the built-in roles the recipe left out, and the <c>Setup</c> document. The user is created
    /// here with the id the recipe was given (its items name it as their owner); the admin-account helper then finds
    /// it and makes it an administrator.
    /// </summary>
    private async Task CreateAdministratorAsync(User admin, string password, SetupRecord record, CancellationToken ct)
    {
        IdentityFailureException.ThrowIfFailed(await users.CreateAsync(admin, password), $"The administrator '{admin.UserName}' could not be created");
        await adminAccount.EnsureAsync(admin.UserName!, admin.Email ?? "", password, ct);
        await documents.SaveAsync(DocumentName, record, ct);
    }
}
