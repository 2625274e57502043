// Why: the limits are only as good as the inputs nobody thought of; thousands of generated queries run through the
// real executor (Liquid, DSL, Lucene, loading items) and only the DSL's own 400-type errors may come out, fast.
using System.Diagnostics;
using OneDigital.Search.Queries;
using OneDigital.Search.Tests.Queries;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Fuzz;

public sealed class LuceneDslFuzzTests : QueryStoreFixture
{
    private const int Queries = 3000;
    // A bound on runaway work (an automaton or clause blow-up takes far longer), not a speed target: a long plain
    // query on a loaded two-core machine has taken 2.5 s, so the bound leaves room for the machine, not the query.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    [SetUp]
    public async Task CreateArticlesAsync()
    {
        await CreateAsync("Digital skills", "Libraries help people learn.", new(2024, 1, 10), rating: 4.5, topics: ["t1"]);
        await CreateAsync("Champions", "Champions help aaaa people.", new(2024, 3, 5), rating: 3, topics: ["t2"]);
        await CreateAsync("Draft", "Not yet.", new(2025, 1, 1), publish: false);
    }

    [Test]
    public async Task Generated_queries_give_results_or_query_errors_never_anything_else_and_none_runs_away()
    {
        var fuzzer = new LuceneDslFuzzer(LuceneDslFuzzer.SeedFromEnvironment());
        var executor = Get<LuceneQueryExecutor>();
        var (answered, refused, slowest) = (0, 0, TimeSpan.Zero);
        var clock = new Stopwatch();
        for (var i = 0; i < Queries; i++)
        {
            var (template, parameters) = fuzzer.NextTemplate();
            clock.Restart();
            try
            {
                // A query that never ends must fail this test with its text, not hang the run.
                var run = Task.Run(() => executor.RunAsync("Search", template, parameters, returnContentItems: i % 5 == 0));
                await run.WaitAsync(Budget * 5);
                answered++;
            }
            catch (SearchQueryException)
            {
                refused++;
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Query {i} (seed {fuzzer.Seed}) ran past {Budget * 5}:\n{Show(template)}");
            }
            catch (Exception ex)
            {
                Assert.Fail($"Query {i} (seed {fuzzer.Seed}; replay with ONEDIGITAL_FUZZ_SEED={fuzzer.Seed}) threw {ex}\n{Show(template)}");
            }
            var elapsed = clock.Elapsed;
            if (elapsed >= Budget)
            {
                // Timed again before judging: CI runs the test projects side by side on two cores, so one pause of the
                // machine can push a 1 s query past the budget; a query that runs away is slow both times.
                var first = elapsed;
                clock.Restart();
                try
                {
                    await Task.Run(() => executor.RunAsync("Search", template, parameters, returnContentItems: i % 5 == 0)).WaitAsync(Budget * 5);
                }
                catch (SearchQueryException)
                {
                }
                elapsed = clock.Elapsed;
                TestContext.Out.WriteLine($"query {i} took {first.TotalMilliseconds:F0} ms, then {elapsed.TotalMilliseconds:F0} ms timed again");
            }
            if (elapsed > slowest) slowest = elapsed;
            Assert.That(elapsed, Is.LessThan(Budget), $"query {i} (seed {fuzzer.Seed}) took {elapsed}:\n{Show(template)}");
        }
        TestContext.Out.WriteLine($"seed {fuzzer.Seed}: {answered} answered, {refused} refused, slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.That((answered, refused), Is.Not.EqualTo((0, 0)));
        Assert.That(answered, Is.GreaterThan(Queries / 20), "the generator also makes queries that run");
    }

    private static string Show(string template) => template.Length > 2000 ? template[..2000] + "..." : template;
}
