using System.Data.Common;
using GraphQL;
using Microsoft.Data.Sqlite;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Endpoint;

namespace OneDigital.GraphQL.Tests.Endpoint;

/// <summary>A store failure under a resolver must not tell the caller which database runs behind the API.</summary>
public sealed class StoreErrorTests
{
    private sealed class FakeStoreException() : DbException("database is locked");

    [Test]
    public void An_error_caused_by_the_store_gets_the_code_STORE_ERROR_instead_of_one_named_after_the_driver()
    {
        var error = new ExecutionError("Error trying to resolve field 'blogPost'.", new InvalidOperationException("wrapped", new FakeStoreException()));
        var result = new ExecutionResult { Errors = [error, new ExecutionError("Another error") { Code = "OTHER" }] };

        StoreErrors.Hide(result);

        Assert.That(result.Errors!.Select(e => e.Code), Is.EqualTo(new[] { "STORE_ERROR", "OTHER" }));
        Assert.That(result.Errors!.First().Message, Does.Not.Contain("locked"));
    }

    [Test]
    public void A_busy_or_damaged_store_under_a_resolver_is_reported_as_unavailable_with_when_to_retry()
    {
        var busy = new ExecutionResult { Errors = [new ExecutionError("Error trying to resolve field 'blogPost'.", new SqliteException("database is locked", 5))] };
        var damaged = new ExecutionResult { Errors = [new ExecutionError("x", new InvalidOperationException("wrapped", new SqliteException("file is not a database", 26)))] };
        var query = new ExecutionResult { Errors = [new ExecutionError("Cannot query field 'nope'.") { Code = "FIELDS_ON_CORRECT_TYPE" }] };

        var whenBusy = StoreErrors.Unavailable(busy, TimeSpan.FromSeconds(3));
        Assert.That(whenBusy, Is.InstanceOf<StoreBusyException>());
        Assert.That(whenBusy!.RetryAfter, Is.Not.Null);
        Assert.That(whenBusy.Message, Does.Contain("OneDigital:Database:BusyTimeoutSeconds"));
        Assert.That(StoreErrors.Unavailable(damaged, TimeSpan.FromSeconds(3))!.Message, Does.Contain("damaged"));
        Assert.That(StoreErrors.Unavailable(query, TimeSpan.FromSeconds(3)), Is.Null);
    }
}
