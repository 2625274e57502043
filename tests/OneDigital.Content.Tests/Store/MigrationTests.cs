using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OneDigital.Content.Store;

namespace OneDigital.Content.Tests.Store;

/// <summary>The committed migrations of both providers must describe the model as it is.</summary>
public class MigrationTests
{
    [Test]
    public void The_sqlite_migrations_cover_the_whole_model() =>
        AssertNoPendingChanges(new SqliteDesignTimeFactory());

    [Test]
    public void The_postgres_migrations_cover_the_whole_model() =>
        AssertNoPendingChanges(new PostgresDesignTimeFactory());

    private static void AssertNoPendingChanges<T>(IDesignTimeDbContextFactory<T> factory) where T : DbContext
    {
        using var db = factory.CreateDbContext([]);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            $"The model has changed since the last {typeof(T).Name} migration: run scripts/migrations.sh add <Name> and commit the result.");
    }
}
