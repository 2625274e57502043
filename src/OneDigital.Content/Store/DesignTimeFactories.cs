using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneDigital.Content.Store;

// Used only by `dotnet ef migrations add` (scripts/migrations.sh), which never connects: the connection strings
// just pick the provider whose migrations are generated.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContentDbContext>
{
    public SqliteContentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContentDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresContentDbContext>
{
    public PostgresContentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresContentDbContext>().UseNpgsql("Host=localhost;Database=onedigital").Options);
}
