// Why: on PostgreSQL planning a partner's page cost more server time than running it, and every pooled connection was
// reset with a DISCARD ALL round trip per request; the store's connections prepare what they run often and skip the reset.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

public sealed class PostgresConnectionStringTests
{
    [Test]
    public void The_store_prepares_statements_it_runs_often_and_does_not_reset_pooled_connections()
    {
        var options = new StoreOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=site;Username=cms" };

        var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);

        Assert.That(builder.MaxAutoPrepare, Is.GreaterThan(0));
        Assert.That(builder.NoResetOnClose, Is.True);
        Assert.That((builder.Host, builder.Database, builder.Username), Is.EqualTo(("db", "site", "cms")));
    }

    [TestCase("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [TestCase("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void Settings_the_connection_string_names_are_kept_as_configured(string configured)
    {
        var options = new StoreOptions { Provider = DatabaseProvider.Postgres, ConnectionString = configured };

        var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);

        Assert.That(builder.MaxAutoPrepare, Is.Zero);
        Assert.That(builder.NoResetOnClose, Is.False);
    }
}

public sealed class PostgresPreparedStatementTests() : StoreFixture(TestDatabase.Postgres)
{
    [Test]
    public async Task A_partners_page_read_again_and_again_runs_as_a_statement_prepared_on_its_connection()
    {
        for (var n = 1; n <= 3; n++)
        {
            await CreatePageAsync($"Page {n}");
        }
        // Held open, so the page's reads and the check below run on one physical connection.
        await Db.Database.OpenConnectionAsync();
        var request = new ContentListRequest("Page") { Take = 2, Sort = [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)] };
        for (var i = 0; i < 6; i++)
        {
            Assert.That(await Query.ListAsync(request), Has.Count.EqualTo(2));
        }

        var prepared = await Db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();

        Assert.That(prepared, Has.Some.Contains("\"ContentType\" = ").And.Some.Contains("\"PublishedUtc\" DESC"));
    }
}

// Why: every request scope built a new context's internal services, a tenth of an uncached GraphQL list's CPU; on
// PostgreSQL the contexts are pooled, so what one scope did to its context must not reach the next scope's.
public sealed class PostgresContextPoolTests() : StoreFixture(TestDatabase.Postgres)
{
    [Test]
    public async Task A_context_a_scope_left_in_a_transaction_with_its_own_timeout_comes_back_pooled_and_clean()
    {
        ContentDbContext left;
        await using (var scope = Store.Scope())
        {
            left = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            left.Database.SetCommandTimeout(1);
            left.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            await left.Database.BeginTransactionAsync();
        }

        await using var next = Store.Scope();
        var context = next.ServiceProvider.GetRequiredService<ContentDbContext>();

        Assert.That(context, Is.SameAs(left));
        Assert.That((context.Database.CurrentTransaction, context.Database.GetCommandTimeout(), context.ChangeTracker.QueryTrackingBehavior),
            Is.EqualTo(((IDbContextTransaction?)null, (int?)null, QueryTrackingBehavior.TrackAll)));
    }
}
