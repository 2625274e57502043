using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OneDigital.Benchmarks.Seeding;
using OneDigital.Search.Queries;
using OneDigital.Search.Documents;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// Query latency of the Lucene DSL (parse and search, stored fields of the page read) over an index of
/// <c>--items</c> documents written with the index side's field names and encodings, on disk, one query at a time.
/// </summary>
public sealed class LuceneQueryScenario : IScenario
{
    private const int WarmUp = 200;
    private const int Runs = 2_000;
    private static readonly string[] Types = ["BlogPost", "CaseStudy", "Report", "Event", "Page"];

    public string Name => "lucene-query";

    public string Description => "Lucene query DSL: p50/p99 of a term, a phrase, and a bool with a type filter and a date sort";

    public Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "onedigital-bench-lucene", Guid.NewGuid().ToString("N"));
        try
        {
            using var directory = FSDirectory.Open(dir);
            var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
            var built = Stopwatch.StartNew();
            Fill(directory, analyzer, run.Options.Items);
            run.Log.WriteLine($"  indexed {run.Options.Items:N0} documents in {built.Elapsed.TotalSeconds:F1} s");
            using var reader = DirectoryReader.Open(directory);
            var searcher = new IndexSearcher(reader);
            var parser = new QueryDslParser(new IndexQueryContext("Search", analyzer, CoreFields.KindOf));
            (string Name, string Dsl)[] queries =
            [
                ("single term", """{ "query": { "match": { "Content.ContentItem.FullText": "online" } }, "size": 10 }"""),
                ("phrase", """{ "query": { "match_phrase": { "Content.ContentItem.FullText": "public Wi-Fi safely" } }, "size": 10 }"""),
                ("bool, type filter, date sort", """
                    { "query": { "bool": { "must": { "match": { "Content.ContentItem.FullText": "online" } },
                                           "filter": { "term": { "Content.ContentItem.ContentType": "BlogPost" } } } },
                      "sort": { "Content.ContentItem.CreatedUtc": { "order": "desc", "type": "double" } }, "size": 10 }
                    """),
            ];
            var rows = new List<ResultRow>();
            foreach (var (name, dsl) in queries)
            {
                var times = new double[Runs];
                var hits = 0;
                for (var i = -WarmUp; i < Runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var (_, count) = LuceneQueryExecutor.Search(searcher, parser.Parse(dsl));
                    watch.Stop();
                    if (i >= 0) times[i] = watch.Elapsed.TotalMilliseconds;
                    hits = count;
                }
                Array.Sort(times);
                rows.Add(new ResultRow($"lucene {name}",
                [
                    ("documents", run.Options.Items.ToString("N0", CultureInfo.InvariantCulture)),
                    ("hits", hits.ToString("N0", CultureInfo.InvariantCulture)),
                    ("p50 ms", times[Runs / 2].ToString("F2", CultureInfo.InvariantCulture)),
                    ("p99 ms", times[Runs * 99 / 100].ToString("F2", CultureInfo.InvariantCulture)),
                ]));
            }
            return Task.FromResult<IReadOnlyList<ResultRow>>(rows);
        }
        finally
        {
            try { System.IO.Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static void Fill(Lucene.Net.Store.Directory directory, StandardAnalyzer analyzer, int items)
    {
        var text = new SampleText();
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 });
        for (var i = 0; i < items; i++)
        {
            var title = SampleText.Title(i);
            var body = text.Markdown();
            writer.AddDocument(new Document
            {
                new StringField(IndexFieldNames.ContentItemId, $"item{i:D8}", Field.Store.YES),
                new StringField(IndexFieldNames.ContentType, Types[i % Types.Length], Field.Store.YES),
                new TextField(IndexFieldNames.DisplayTextAnalyzed, title, Field.Store.NO),
                new StringField(IndexFieldNames.DisplayTextKeyword, title, Field.Store.YES),
                new TextField(IndexFieldNames.FullText, $"{title} {body}", Field.Store.NO),
                new StringField(IndexFieldNames.Published, "true", Field.Store.NO),
                NumericFields.Int64(IndexFieldNames.CreatedUtc, start + (long)text.Next(0, 3650) * TimeSpan.TicksPerDay),
            });
        }
        writer.Commit();
    }
}
