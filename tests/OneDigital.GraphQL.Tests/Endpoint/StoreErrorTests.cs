using System.Data.Common;
using GraphQL;
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
}
