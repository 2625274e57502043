// Why: NUnit runs set-up fixtures only from the test assembly, so this project closes the shared Chromium itself
// once its last test is done (a fixture in the root namespace covers every test below it).
using OneDigital.Testing.Web.Browsers;

namespace OneDigital.Admin.Tests;

[SetUpFixture]
public sealed class AdminBrowserLifetime
{
    [OneTimeTearDown]
    public Task CloseBrowserAsync() => Browser.CloseAsync();
}
