using System.Diagnostics;
using System.Net;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>
/// Loads our introspection result into graphql-js (the npm <c>graphql</c> package, <c>buildClientSchema</c>) and
/// validates the partner queries in client-schema/queries against it. scripts/test.sh installs the package
/// (<c>npm ci</c>); without node or the package the tests are ignored, saying so.
/// </summary>
public sealed class ClientSchemaTests
{
    private TestSite _store = null!;
    private RunningSite _site = null!;

    private HttpClient Http => _site.Http;

    /// <summary>The One Digital setup recipe and the content schema, as partners see them.</summary>
    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync();
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static readonly string CheckDir = Path.Combine(RepositoryRoot(), "tests", "OneDigital.Web.Tests", "GraphQL", "client-schema");

    [Test]
    public async Task The_reference_implementation_builds_our_schema_and_accepts_the_partner_queries()
    {
        var result = await RunCheckAsync(Path.Combine(CheckDir, "queries"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("0 errors"));
    }

    [Test]
    public async Task The_check_reports_a_query_the_schema_does_not_allow()
    {
        var dir = Directory.CreateTempSubdirectory("onedigital-client-schema-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "wrong.graphql"), "{ blogPost { noSuchField } }");

            var result = await RunCheckAsync(dir);

            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.Output, Does.Contain("wrong.graphql (1:14): Cannot query field \"noSuchField\" on type \"BlogPost\"."));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output)> RunCheckAsync(string queriesDir)
    {
        if (!File.Exists(Path.Combine(CheckDir, "node_modules", "graphql", "package.json")))
        {
            Assert.Ignore($"The npm package 'graphql' is not installed in {CheckDir}: run `npm ci --prefix {CheckDir}` (scripts/test.sh does).");
        }
        var introspection = await Http.GraphQLPostAsync(GraphQLSiteFixture.QueryFile("introspection.graphql"), operationName: "IntrospectionQuery");
        Assert.That(introspection.Status, Is.EqualTo(HttpStatusCode.OK), introspection.ToString());

        var resultFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(resultFile, introspection.Body);
            return await RunNodeAsync(Path.Combine(CheckDir, "check.mjs"), resultFile, queriesDir);
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CheckDir };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("node is not installed (the client-schema check runs graphql-js).");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneDigital.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("OneDigital.sln not found above the test directory.");
    }
}
