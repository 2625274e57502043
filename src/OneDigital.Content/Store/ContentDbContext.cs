using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneDigital.Content.Store;

/// <summary>
/// The one store: content versions, the field index, named documents and the Identity tables. Each provider
/// has a subclass so that SQLite and PostgreSQL keep their own migrations. The other features' tables (the indexing
/// task log, webhooks) are declared by their features as entity configurations, so this class names none of them.
/// </summary>
public abstract class ContentDbContext(DbContextOptions options) : IdentityDbContext<User, Role, string>(options)
{
    internal DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    internal DbSet<ContentFieldIndexRecord> ContentFieldIndex => Set<ContentFieldIndexRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentItemRecord>(e =>
        {
            e.ToTable("ContentItems");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(255);
            e.Property(x => x.DisplayText).HasMaxLength(1024);
            e.Property(x => x.Owner).HasMaxLength(255);
            e.Property(x => x.Author).HasMaxLength(255);
            e.HasIndex(x => x.ContentItemVersionId).IsUnique();
            e.HasIndex(x => new { x.ContentItemId, x.Latest, x.Published });
            // Partners' lists (GraphQL) read one type's published versions in one of the orders the schema offers,
            // the version id breaking ties: each order has its index, walked from the page's end and stopped after it
            // rather than sorting every post of the type. The title's is left out on PostgreSQL (see the admin's).
            e.HasIndex(x => new { x.ContentType, x.Published, x.PublishedUtc, x.Id });
            e.HasIndex(x => new { x.ContentType, x.Published, x.CreatedUtc, x.Id });
            e.HasIndex(x => new { x.ContentType, x.Published, x.ModifiedUtc, x.Id });
            if (!Database.IsNpgsql()) e.HasIndex(x => new { x.ContentType, x.Published, x.DisplayText, x.Id });
            e.HasIndex(x => new { x.ContentType, x.Latest, x.ModifiedUtc });
            // The admin lists every type's latest versions, newest first: walked in this index, not sorted, and
            // covering what the list filters on (type, published, owner, title), so its count, its deep pages and its
            // title search read this narrow index instead of the rows and their documents. The id makes the order
            // the list's tie-break.
            // PostgreSQL refuses an index entry over about 2.7 kB, which a long title in a non-Latin script can pass:
            // there the title is left out, and its search reads the rows, which PostgreSQL keeps narrow by storing
            // large documents out of line.
            var adminList = Database.IsNpgsql()
                ? e.HasIndex(x => new { x.Latest, x.ModifiedUtc, x.Id, x.ContentType, x.Published, x.Owner })
                : e.HasIndex(x => new { x.Latest, x.ModifiedUtc, x.Id, x.ContentType, x.Published, x.Owner, x.DisplayText });
            adminList.HasDatabaseName("IX_ContentItems_AdminList");
        });

        builder.Entity<ContentFieldIndexRecord>(e =>
        {
            e.ToTable("ContentFieldIndex");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(255);
            e.Property(x => x.PartName).HasMaxLength(255);
            e.Property(x => x.FieldName).HasMaxLength(255);
            e.HasOne(x => x.Version).WithMany().HasForeignKey(x => x.ContentItemRecordId).OnDelete(DeleteBehavior.Cascade);
            // Partial indexes: a row holds one kind of value, so each index takes only the rows it can serve;
            // writing index entries for NULLs was a third of the cost of saving an item.
            e.HasIndex(x => new { x.PartName, x.FieldName, x.TextValue, x.NumberValue }).HasFilter("\"TextValue\" IS NOT NULL");
            e.HasIndex(x => new { x.PartName, x.FieldName, x.NumberValue }).HasFilter("\"NumberValue\" IS NOT NULL");
            e.HasIndex(x => new { x.PartName, x.FieldName, x.DateValue }).HasFilter("\"DateValue\" IS NOT NULL");
        });

        builder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(255);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<Role>().Property(r => r.Description).HasMaxLength(1024);

        // OpenID Connect applications (partner sites), authorizations, scopes and tokens: OpenIddict's own entities.
        builder.UseOpenIddict();

        builder.ApplyConfigurationsFromAssembly(typeof(ContentDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every date in the store is UTC; SQLite forgets the kind and PostgreSQL insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteContentDbContext(DbContextOptions<SqliteContentDbContext> options) : ContentDbContext(options);

public sealed class PostgresContentDbContext(DbContextOptions<PostgresContentDbContext> options) : ContentDbContext(options);
