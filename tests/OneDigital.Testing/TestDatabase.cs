namespace OneDigital.Testing;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The databases a store fixture runs on: <c>[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]</c>
/// on a fixture whose constructor takes a <see cref="TestDatabase"/>. Without a PostgreSQL server configured the
/// PostgreSQL fixture is ignored whole, with the reason, so neither its set-up nor its tear-down runs on a store that
/// was never made.
/// </summary>
public static class TestDatabases
{
    public static IEnumerable<TestFixtureData> All
    {
        get
        {
            yield return new TestFixtureData(TestDatabase.Sqlite);
            var postgres = new TestFixtureData(TestDatabase.Postgres);
            yield return TestPostgres.IsConfigured ? postgres : postgres.Ignore(TestPostgres.NotConfigured);
        }
    }
}
