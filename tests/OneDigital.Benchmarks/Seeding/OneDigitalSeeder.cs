using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Benchmarks.Seeding;

/// <summary>Counts and time spent per seeding section, for the table and for <c>--profile</c>.</summary>
public sealed class SeedStats
{
    public Dictionary<string, int> ByType { get; } = [];
    public TimeSpan New { get; set; }
    public TimeSpan Fill { get; set; }
    public TimeSpan Create { get; set; }
    public TimeSpan Commit { get; set; }
    public TimeSpan Scope { get; set; }
}

/// <summary>
/// Seeds items of the One Digital model through the content manager. Each batch runs in its own DI scope and one
/// transaction, and the scope is disposed between batches so memory stays flat however many items are seeded.
/// Items are spread over the types in fixed proportions; blog posts go into blogs and reports into series.
/// </summary>
public sealed class OneDigitalSeeder
{
    /// <summary>Share of each type per 100 items.</summary>
    public static readonly IReadOnlyList<(string Type, int Weight)> Mix =
    [
        ("BlogPost", 40),
        ("CaseStudy", 15),
        ("Event", 15),
        ("Report", 12),
        ("ReportSeries", 3),
        ("Page", 8),
        ("LearningSubmission", 5),
        ("ProgrammePhase", 1),
        ("Blog", 1),
    ];

    private static readonly string[] Schedule = BuildSchedule();
    private static readonly DateTime EventsFrom = new(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc);

    private readonly IServiceProvider _services;
    private readonly int _batchSize;
    private readonly SiteTerms _terms;
    private readonly SampleText _text = new();
    private readonly List<string> _blogs;
    private string _series;
    private int _partsInSeries;
    private int _phases;
    // Recent case studies and reports, for blog posts' Related picker: picks point at items that exist.
    private readonly Queue<string> _recentLearning = new();

    private OneDigitalSeeder(IServiceProvider services, int batchSize, SiteTerms terms)
    {
        _services = services;
        _batchSize = batchSize;
        _terms = terms;
        _blogs = [terms.BlogId];
        _series = terms.ReportSeriesId;
        _partsInSeries = 4;
        _phases = 1;
    }

    /// <summary>Items seeded so far.</summary>
    public int Seeded { get; private set; }

    public static async Task<OneDigitalSeeder> CreateAsync(IServiceProvider services, int batchSize)
    {
        await using var scope = services.CreateAsyncScope();
        var terms = await SiteTerms.ReadAsync(scope.ServiceProvider.GetRequiredService<ContentQuery>());
        return new OneDigitalSeeder(services, batchSize, terms);
    }

    /// <summary>Counts the items an earlier run seeded into this store (the mix's types, less the recipe's own), to go on after them.</summary>
    public async Task ResumeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ContentQuery>();
        var types = Mix.Select(m => m.Type).ToList();
        var request = new ContentListRequest(null)
        {
            Status = ContentStatus.Latest,
            Filter = new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, types),
        };
        var inStore = await query.CountAsync(request);
        var fromRecipe = await query.CountAsync(request with { Filter = new ContentFilter.And([request.Filter, new ContentFilter.Column(ContentColumn.Owner, FilterOperator.Equal, BenchmarkStore.RecipeOwner)]) });
        Seeded = inStore - fromRecipe;
    }

    public async Task<SeedStats> SeedAsync(int count, CancellationToken ct, Action<int, TimeSpan>? progress = null)
    {
        var stats = new SeedStats();
        var clock = Stopwatch.StartNew();
        var reportEvery = Math.Max(_batchSize, count / 10 / _batchSize * _batchSize);
        for (var done = 0; done < count;)
        {
            var size = Math.Min(_batchSize, count - done);
            await SeedBatchAsync(size, stats, ct);
            done += size;
            if (progress is not null && (done % reportEvery == 0 || done == count))
            {
                progress(done, clock.Elapsed);
            }
        }
        return stats;
    }

    private async Task SeedBatchAsync(int size, SeedStats stats, CancellationToken ct)
    {
        var section = Stopwatch.StartNew();
        var scope = _services.CreateAsyncScope();
        try
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await scope.ServiceProvider.GetRequiredService<StoreTransaction>().RunAsync(async () =>
            {
                for (var i = 0; i < size; i++)
                {
                    var index = Seeded + i;
                    var type = Schedule[index % Schedule.Length];
                    var start = Stopwatch.GetTimestamp();
                    var item = await manager.NewAsync(type, ct);
                    var created = Stopwatch.GetTimestamp();
                    Fill(item, index);
                    var filled = Stopwatch.GetTimestamp();
                    await manager.CreateAsync(item, publish: type != "LearningSubmission", ct);
                    stats.New += Stopwatch.GetElapsedTime(start, created);
                    stats.Fill += Stopwatch.GetElapsedTime(created, filled);
                    stats.Create += Stopwatch.GetElapsedTime(filled);
                    stats.ByType[type] = stats.ByType.GetValueOrDefault(type) + 1;
                    Remember(item);
                }
                section.Restart();
            }, ct);
            stats.Commit += section.Elapsed;
        }
        finally
        {
            section.Restart();
            await scope.DisposeAsync();
            stats.Scope += section.Elapsed;
        }
        Seeded += size;
    }

    /// <summary>New blogs and series become containers for the items that follow.</summary>
    private void Remember(ContentItem item)
    {
        switch (item.ContentType)
        {
            case "Blog":
                _blogs.Add(item.ContentItemId);
                break;
            case "ReportSeries":
                _series = item.ContentItemId;
                _partsInSeries = 0;
                break;
        }
    }

    private void RememberLearning(ContentItem item)
    {
        _recentLearning.Enqueue(item.ContentItemId);
        if (_recentLearning.Count > 20)
        {
            _recentLearning.Dequeue();
        }
    }

    private void Fill(ContentItem item, int index)
    {
        var title = SampleText.Title(index);
        switch (item.ContentType)
        {
            case "BlogPost":
                SetTitle(item, title);
                Contain(item, _blogs[index % _blogs.Count]);
                SetBody(item);
                var post = item.GetOrCreatePart("BlogPost");
                post["Subtitle"] = Text(_text.Summary());
                post["Image"] = Media($"blog/{index}.jpg", "A Digital Champion with a learner");
                post["Topics"] = Terms(_terms.Topics, 1, 2);
                post["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray([.. _recentLearning.Take(2).Select(id => (JsonNode)id)]) };
                break;
            case "CaseStudy":
                SetTitle(item, title);
                SetBody(item);
                var study = item.GetOrCreatePart("CaseStudy");
                study["Summary"] = Text(_text.Summary());
                study["Organisation"] = Text(_text.Organisation());
                study["Region"] = Terms(_terms.Regions, 1, 1);
                study["Topics"] = Terms(_terms.Topics, 1, 3);
                study["ChampionsInvolved"] = Number(_text.Next(2, 120));
                study["PeopleSupported"] = Number(_text.Next(20, 2500));
                study["Image"] = Media($"case-studies/{index}.jpg", "Learners at a session");
                study["Quote"] = Text(_text.Quote());
                RememberLearning(item);
                break;
            case "Event":
                SetTitle(item, title);
                SetBody(item);
                var starts = EventsFrom.AddDays(_text.Next(0, 4 * 365)).AddHours(_text.Next(9, 17));
                var online = _text.NextDouble() < 0.4;
                var ev = item.GetOrCreatePart("Event");
                ev["StartsAt"] = Date(starts);
                ev["EndsAt"] = Date(starts.AddHours(_text.Next(1, 4)));
                ev["EventType"] = Terms(_terms.EventTypes, 1, 1);
                ev["Venue"] = Text(online ? "" : $"{_text.Organisation()}, {_text.Place()}");
                ev["Online"] = new JsonObject { ["Value"] = online };
                ev["Registration"] = new JsonObject { ["Url"] = $"https://events.example.org/onedigital/{index}", ["Text"] = "Book a place" };
                ev["Topics"] = Terms(_terms.Topics, 1, 2);
                break;
            case "Report":
                SetTitle(item, title);
                Contain(item, _series);
                SetBody(item);
                _partsInSeries++;
                var report = item.GetOrCreatePart("Report");
                report["PartNumber"] = Number(_partsInSeries);
                report["Summary"] = Text(_text.Summary());
                report["Download"] = Media($"reports/{index}.pdf", "");
                report["Topics"] = Terms(_terms.Topics, 1, 1);
                RememberLearning(item);
                break;
            case "ReportSeries":
                SetTitle(item, $"Learning report: {title}");
                SetBody(item);
                break;
            case "Page":
                SetTitle(item, title);
                SetBody(item);
                break;
            case "ProgrammePhase":
                _phases++;
                SetTitle(item, $"Evaluation of Phase {_phases.ToString(CultureInfo.InvariantCulture)}");
                SetBody(item);
                var phase = item.GetOrCreatePart("ProgrammePhase");
                phase["PhaseNumber"] = Number(_phases);
                phase["DigitalChampionsRecruited"] = Number(_text.Next(100, 2000));
                phase["PeopleSupported"] = Number(_text.Next(1000, 20000));
                break;
            case "Blog":
                SetTitle(item, $"Blog: {title}");
                break;
            case "LearningSubmission":
                var name = _text.PersonName();
                var submission = item.GetOrCreatePart("LearningSubmission");
                // The share-learning form requires a title of its own.
                submission["Title"] = Text(title);
                submission["Name"] = Text(name);
                submission["Title"] = Text(title);
                submission["Email"] = Text($"{name.Replace(' ', '.').Replace("'", "", StringComparison.Ordinal).ToLowerInvariant()}@example.org");
                submission["Organisation"] = Text(_text.Organisation());
                submission["Title"] = Text(title);
                submission["Summary"] = Text(_text.Summary());
                submission["Link"] = new JsonObject { ["Url"] = $"https://example.org/learning/{index}", ["Text"] = title };
                break;
        }
    }

    private static void SetTitle(ContentItem item, string title) => item.GetOrCreatePart("TitlePart")["Title"] = title;

    private void SetBody(ContentItem item) => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = _text.Markdown();

    private static void Contain(ContentItem item, string listId) =>
        item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = listId;

    private static JsonObject Text(string text) => new() { ["Text"] = text };

    // Orchard's NumericField holds a decimal.
    private static JsonObject Number(int value) => new() { ["Value"] = (decimal)value };

    private static JsonObject Date(DateTime value) => new() { ["Value"] = value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };

    private static JsonObject Media(string path, string text) => new()
    {
        ["Paths"] = new JsonArray(path),
        ["MediaTexts"] = new JsonArray(text),
    };

    private JsonObject Terms(Taxonomy taxonomy, int min, int max)
    {
        var count = Math.Min(taxonomy.TermIds.Count, _text.Next(min, max + 1));
        var first = _text.Next(taxonomy.TermIds.Count);
        var ids = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            ids.Add(taxonomy.TermIds[(first + i) % taxonomy.TermIds.Count]);
        }
        return new JsonObject { ["TaxonomyContentItemId"] = taxonomy.ContentItemId, ["TermContentItemIds"] = ids };
    }

    /// <summary>The type of each of 100 consecutive items: every type in its share, spread evenly (smooth weighted round robin).</summary>
    private static string[] BuildSchedule()
    {
        var total = Mix.Sum(m => m.Weight);
        var current = new int[Mix.Count];
        var schedule = new string[total];
        for (var slot = 0; slot < total; slot++)
        {
            var best = 0;
            for (var t = 0; t < Mix.Count; t++)
            {
                current[t] += Mix[t].Weight;
                if (current[t] > current[best]) best = t;
            }
            current[best] -= total;
            schedule[slot] = Mix[best].Type;
        }
        return schedule;
    }
}
