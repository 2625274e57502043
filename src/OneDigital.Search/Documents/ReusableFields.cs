using Lucene.Net.Analysis;
using Lucene.Net.Documents;

namespace OneDigital.Search.Documents;

/// <summary>
/// Keyword and numeric fields reused from one document to the next by one writing thread. Each new Lucene.Net
/// field makes a new token stream when it is indexed, and Lucene.Net creates a token stream's attributes through a
/// factory behind one process-wide lock: with a new field for every keyword, date and number of every document,
/// a parallel rebuild spent a quarter of its time queued on that lock. A reused field keeps its token stream.
/// Only valid while the previous document is no longer used (it has been added to the writer).
/// Given the analyzer the documents are indexed with, texts are analyzed once here (<see cref="AnalyzedTexts"/>) and
/// replayed into each field that indexes them.
/// </summary>
public sealed class ReusableFields(Analyzer? analyzer = null)
{
    private readonly Dictionary<(string Name, Type Type), List<Field>> _fields = new();
    private readonly Dictionary<(string Name, Type Type), int> _taken = new();
    private readonly List<AnalyzedTexts.Replay> _replays = [];
    private int _replaysTaken;
    // Its list of fields grew from empty for every document.
    private readonly Document _document = new();

    /// <summary>The analyzer texts are analyzed with here, when replaying its tokens gives the same index.</summary>
    public Analyzer? Analyzer { get; } = analyzer is not null && AnalyzedTexts.CanReplay(analyzer) ? analyzer : null;

    /// <summary>The current document's analyzed texts.</summary>
    public AnalyzedTexts Texts { get; } = new();

    /// <summary>Starts a document: every field may be handed out again, and the last document is emptied for it.</summary>
    public Document NextDocument()
    {
        _document.Fields.Clear();
        _taken.Clear();
        _replaysTaken = 0;
        Texts.Clear();
        return _document;
    }

    /// <summary>An indexed, not stored, text field playing back the given segments of <see cref="Texts"/>.</summary>
    public TextField Replayed(string name, IEnumerable<int> segments)
    {
        if (_replaysTaken == _replays.Count) _replays.Add(new AnalyzedTexts.Replay());
        var replay = _replays[_replaysTaken++].Of(Texts, segments);
        return new TextField(name, replay);
    }

    public StringField String(string name, string value)
    {
        if (Reuse<StringField>(name) is { } field)
        {
            field.SetStringValue(value);
            return field;
        }
        return Keep(name, new StringField(name, value, Field.Store.YES));
    }

    public DoubleField Double(string name, double value)
    {
        if (Reuse<DoubleField>(name) is { } field)
        {
            field.SetDoubleValue(value);
            return field;
        }
        return Keep(name, NumericFields.Double(name, value));
    }

    public Int64Field Int64(string name, long value)
    {
        if (Reuse<Int64Field>(name) is { } field)
        {
            field.SetInt64Value(value);
            return field;
        }
        return Keep(name, NumericFields.Int64(name, value));
    }

    // The n-th field of this name and type in the current document (a name can have several values).
    private T? Reuse<T>(string name) where T : Field
    {
        var key = (name, typeof(T));
        _taken.TryGetValue(key, out var taken);
        _taken[key] = taken + 1;
        return _fields.TryGetValue(key, out var list) && taken < list.Count ? (T)list[taken] : null;
    }

    private T Keep<T>(string name, T field) where T : Field
    {
        var key = (name, typeof(T));
        if (!_fields.TryGetValue(key, out var list))
        {
            _fields[key] = list = [];
        }
        list.Add(field);
        return field;
    }
}
