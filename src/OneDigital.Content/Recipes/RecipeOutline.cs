using System.Text.Json;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes;

/// <summary>
/// One pass of a reader over a recipe's bytes, in a small buffer, that checks it is JSON and notes where each
/// top-level property, each step, each step property and each element of a step's arrays lies. Nothing of the
/// recipe is kept in memory but those positions: a recipe of 100,000 items parsed whole was a tree of about 1 GB.
/// </summary>
internal sealed class RecipeOutline
{
    private const int BufferSize = 64 * 1024;

    /// <summary>The top-level properties other than the steps array, in order.</summary>
    public List<(string Name, RecipeRange Value)> Header { get; } = [];

    /// <summary>Whether the recipe is a JSON object at all.</summary>
    public bool IsObject { get; private set; }

    /// <summary>The steps, or null when the recipe has no <c>steps</c> (or <c>Steps</c>) array.</summary>
    public List<RecipeStepSource>? Steps { get; private set; }

    // Where the reader is: the top-level property being read, the step and step property being read.
    private string? _rootProperty;
    private long _rootValueStart;
    private bool _inSteps;
    private long _stepStart;
    private RecipeStepSource? _step;
    private RecipeStepProperty? _stepProperty;
    private long _elementStart;

    /// <exception cref="JsonException">The bytes are not JSON (with the line and position of the fault).</exception>
    public static RecipeOutline Read(Stream stream)
    {
        var outline = new RecipeOutline();
        var options = new JsonReaderOptions
        {
            CommentHandling = ContentJson.Document.CommentHandling,
            AllowTrailingCommas = ContentJson.Document.AllowTrailingCommas,
            MaxDepth = ContentJson.Document.MaxDepth,
        };
        var state = new JsonReaderState(options);
        var buffer = new byte[BufferSize];
        var filled = 0;
        long offset = 0;
        var atStart = true;
        while (true)
        {
            var final = false;
            while (filled < buffer.Length)
            {
                var n = stream.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    final = true;
                    break;
                }
                filled += n;
            }
            var skip = 0;
            if (atStart)
            {
                atStart = false;
                // A byte-order mark is not JSON; readers of text files skip it.
                if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) skip = 3;
                offset = skip;
            }
            var reader = new Utf8JsonReader(buffer.AsSpan(skip, filled - skip), final, state);
            while (reader.Read())
            {
                outline.Note(ref reader, offset);
            }
            if (final)
            {
                return outline;
            }
            var consumed = skip + (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (consumed == 0 && filled == buffer.Length)
            {
                // One token (a long string) longer than the buffer.
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            offset += consumed - skip;
        }
    }

    private void Note(ref Utf8JsonReader reader, long offset)
    {
        var token = reader.TokenType;
        if (reader.CurrentDepth > 0 && !IsObject)
        {
            return;
        }
        var start = offset + reader.TokenStartIndex;
        var end = offset + reader.BytesConsumed;
        var opens = token is JsonTokenType.StartObject or JsonTokenType.StartArray;
        var closes = token is JsonTokenType.EndObject or JsonTokenType.EndArray;
        var value = token != JsonTokenType.PropertyName && !closes;
        switch (reader.CurrentDepth)
        {
            case 0:
                if (token == JsonTokenType.StartObject) IsObject = true;
                break;
            case 1 when token == JsonTokenType.PropertyName:
                _rootProperty = reader.GetString();
                break;
            case 1 when value:
                if (opens && token == JsonTokenType.StartArray && Steps is null && _rootProperty is "steps" or "Steps")
                {
                    _inSteps = true;
                    Steps = [];
                }
                else if (opens)
                {
                    _rootValueStart = start;
                }
                else
                {
                    Header.Add((_rootProperty!, new RecipeRange(start, end)));
                }
                break;
            case 1 when closes:
                if (_inSteps) _inSteps = false;
                else Header.Add((_rootProperty!, new RecipeRange(_rootValueStart, end)));
                break;
            case 2 when _inSteps && value:
                _stepStart = start;
                if (token == JsonTokenType.StartObject) _step = new RecipeStepSource(new RecipeRange(start, start), isObject: true);
                else if (!opens) Steps!.Add(new RecipeStepSource(new RecipeRange(start, end), isObject: false));
                break;
            case 2 when _inSteps && closes:
                if (_step is not null) _step.Range = new RecipeRange(_step.Range.Start, end);
                Steps!.Add(_step ?? new RecipeStepSource(new RecipeRange(_stepStart, end), isObject: false));
                _step = null;
                break;
            case 3 when _step is not null && token == JsonTokenType.PropertyName:
                _stepProperty = new RecipeStepProperty(reader.GetString()!, end);
                _step.Properties.Add(_stepProperty);
                break;
            case 3 when _step is not null && value:
                _stepProperty!.Value = new RecipeRange(start, end);
                if (token == JsonTokenType.StartArray) _stepProperty.Elements = [];
                if (token == JsonTokenType.String && _stepProperty.Name == "name") _step.Name = reader.GetString();
                break;
            case 3 when _step is not null && closes:
                _stepProperty!.Value = new RecipeRange(_stepProperty.Value.Start, end);
                break;
            case 4 when _step is not null && _stepProperty?.Elements is { } elements && value:
                if (opens) _elementStart = start;
                else elements.Add(new RecipeRange(start, end));
                break;
            case 4 when _step is not null && _stepProperty?.Elements is { } elements && closes:
                elements.Add(new RecipeRange(_elementStart, end));
                break;
        }
    }
}
