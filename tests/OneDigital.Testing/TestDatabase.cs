namespace OneDigital.Testing;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The databases a store fixture runs on: <c>[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]</c>
/// on a fixture whose constructor takes a <see cref="TestDatabase"/>.
/// </summary>
public static class TestDatabases
{
    public static readonly TestDatabase[] All = [TestDatabase.Sqlite, TestDatabase.Postgres];
}
