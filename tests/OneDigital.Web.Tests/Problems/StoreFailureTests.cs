using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneDigital.Content.Store;

namespace OneDigital.Web.Tests.Problems;

/// <summary>Which database errors are a busy or unavailable store (503), worded for the caller; the rest stay errors (500).</summary>
public sealed class StoreFailureTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [TestCase(5, typeof(StoreBusyException), "busy")]
    [TestCase(6, typeof(StoreBusyException), "busy")]
    [TestCase(8, typeof(StoreUnavailableException), "read-only")]
    [TestCase(11, typeof(StoreUnavailableException), "damaged")]
    [TestCase(26, typeof(StoreUnavailableException), "damaged")]
    [TestCase(13, typeof(StoreUnavailableException), "full")]
    public void A_SQLite_error_is_a_store_failure_that_says_what_is_wrong(int code, Type kind, string wording)
    {
        // Wrapped as EF wraps a failed save.
        var error = new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("sqlite says", code));

        var failure = StoreFailures.Classify(error, Wait);

        Assert.That(failure, Is.TypeOf(kind));
        Assert.That(failure!.Message, Does.Contain(wording));
    }

    [Test]
    public void A_busy_store_names_the_wait_and_its_setting_and_says_when_to_retry()
    {
        var failure = StoreFailures.Classify(new SqliteException("database is locked", 5), Wait);

        Assert.That(failure!.Message, Does.Contain("10 s").And.Contain("OneDigital:Database:BusyTimeoutSeconds"));
        Assert.That(failure.RetryAfter, Is.Not.Null);
    }

    [TestCase(PostgresErrorCodes.LockNotAvailable, typeof(StoreBusyException))]
    [TestCase(PostgresErrorCodes.DeadlockDetected, typeof(StoreBusyException))]
    [TestCase(PostgresErrorCodes.ReadOnlySqlTransaction, typeof(StoreUnavailableException))]
    [TestCase(PostgresErrorCodes.InvalidCatalogName, typeof(StoreUnavailableException))]
    public void A_PostgreSQL_error_is_a_store_failure(string sqlState, Type kind)
    {
        var failure = StoreFailures.Classify(new PostgresException("postgres says", "ERROR", "ERROR", sqlState), Wait);

        Assert.That(failure, Is.TypeOf(kind));
    }

    [Test]
    public void Other_database_errors_are_not_store_failures()
    {
        Assert.That(StoreFailures.Classify(new SqliteException("no such column: x", 1), Wait), Is.Null);
        Assert.That(StoreFailures.Classify(new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError), Wait), Is.Null);
        Assert.That(StoreFailures.Classify(new InvalidOperationException("a bug"), Wait), Is.Null);
    }
}
