using OneDigital.Testing;

namespace OneDigital.Content.Tests;

/// <summary>Once per test run: what the run leaves on shared servers is cleared when it ends.</summary>
[SetUpFixture]
public class TestRun
{
    [OneTimeTearDown]
    public async Task DropTestDatabasesAsync()
    {
        if (TestPostgres.IsConfigured)
        {
            await TestPostgres.DropEmptiedDatabasesAsync();
        }
    }
}
