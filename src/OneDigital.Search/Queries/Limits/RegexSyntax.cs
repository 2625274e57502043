// Why: the size of a regexp has to be known before Lucene parses it (Lucene's own parser and builder recurse and
// determinize without limits), so the grammar is read here once more, the way Lucene's RegExp reads it, into a tree.
using System.Globalization;
using static OneDigital.Search.Queries.Limits.AutomatonSize;

namespace OneDigital.Search.Queries.Limits;

/// <summary>
/// Lucene's regexp grammar with every optional operator on (RegExpSyntax.ALL). Errors are <see cref="FormatException"/>
/// with the position; a repetition bound above the state limit and nesting past <c>maxNesting</c> are refused here.
/// </summary>
internal sealed class RegexSyntax(string pattern, int maxNesting)
{
    private const int MaxCodePoint = 0x10FFFF;
    private static readonly Node AnyChar = new Chars([(0, MaxCodePoint)]);

    private int _pos;
    private int _depth;

    /// <summary>The largest bound a repetition or interval may give (bounds past it cannot fit the state limit anyway).</summary>
    public static int MaxBound { get; } = SearchLimits.MaxDeterminizedStates;

    public Node Parse()
    {
        var node = Union();
        if (_pos < pattern.Length)
        {
            throw Error("unexpected character");
        }
        return node;
    }

    private Node Union()
    {
        var options = new List<Node> { Intersection() };
        while (Match('|')) options.Add(Intersection());
        return options.Count == 1 ? options[0] : new Alt(options);
    }

    private Node Intersection()
    {
        var node = Concatenation();
        while (Match('&')) node = new Intersect(node, Concatenation());
        return node;
    }

    private Node Concatenation()
    {
        var parts = new List<Node>();
        while (More && !Peek(")|&"))
        {
            parts.Add(RepeatExp());
        }
        return parts.Count == 1 ? parts[0] : new Seq(parts);
    }

    private Node RepeatExp()
    {
        var node = ComplementExp();
        var repeats = 0;
        while (Peek("?*+{"))
        {
            if (++repeats + _depth > maxNesting) throw Error($"more than {maxNesting} nested groups and repetitions");
            var op = pattern[_pos++];
            node = op switch
            {
                '?' => new Repeat(node, 0, 1),
                '*' => new Repeat(node, 0, -1),
                '+' => new Repeat(node, 1, -1),
                _ => Bounds(node),
            };
        }
        return node;
    }

    private Repeat Bounds(Node node)
    {
        var min = Integer("{n,m}");
        var max = min;
        if (Match(','))
        {
            max = Peek("0123456789") ? Integer("{n,m}") : -1;
        }
        if (!Match('}')) throw Error("expected '}'");
        if (max >= 0 && max < min) throw Error($"{{{min},{max}}}: the maximum is below the minimum");
        return new Repeat(node, min, max);
    }

    private int Integer(string what)
    {
        var start = _pos;
        while (Peek("0123456789")) _pos++;
        if (start == _pos) throw Error("integer expected");
        var digits = pattern[start.._pos];
        return digits.Length <= 9 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxBound
            ? n
            : throw new BoundTooLargeException(what, digits);
    }

    private Node ComplementExp()
    {
        if (!Match('~')) return CharClassExp();
        if (++_depth > maxNesting) throw Error($"more than {maxNesting} nested groups and repetitions");
        var node = new Complement(ComplementExp());
        _depth--;
        return node;
    }

    private Node CharClassExp()
    {
        if (!Match('[')) return SimpleExp();
        var negate = Match('^');
        var ranges = new List<(int, int)>();
        do
        {
            var lo = CharExp();
            var hi = Match('-') ? CharExp() : lo;
            if (hi < lo) throw Error("a character range goes backwards");
            ranges.Add((lo, hi));
        }
        while (More && !Peek("]"));
        if (!Match(']')) throw Error("expected ']'");
        return negate ? new Chars(Complement(ranges)) : new Chars(ranges);
    }

    private static List<(int, int)> Complement(List<(int Lo, int Hi)> ranges)
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (lo, hi) in ranges.OrderBy(r => r.Lo))
        {
            if (lo > next) result.Add((next, lo - 1));
            next = Math.Max(next, hi + 1);
        }
        if (next <= MaxCodePoint) result.Add((next, MaxCodePoint));
        return result;
    }

    private Node SimpleExp()
    {
        if (Match('.')) return AnyChar;
        if (Match('#')) return new Nothing();
        if (Match('@')) return new AnyString();
        if (Match('"'))
        {
            var parts = new List<Node>();
            while (More && !Peek("\""))
            {
                parts.Add(Literal(CodePoints.At(pattern, ref _pos)));
                _pos++;
            }
            if (!Match('"')) throw Error("expected '\"'");
            return new Seq(parts);
        }
        if (Match('('))
        {
            if (Match(')')) return new Seq([]);
            if (++_depth > maxNesting) throw Error($"more than {maxNesting} nested groups and repetitions");
            var inner = Union();
            _depth--;
            if (!Match(')')) throw Error("expected ')'");
            return inner;
        }
        if (Match('<'))
        {
            var start = _pos;
            while (More && !Peek(">")) _pos++;
            if (!Match('>')) throw Error("expected '>'");
            return Interval(pattern[start..(_pos - 1)]);
        }
        return Literal(CharExp());
    }

    /// <summary><c>&lt;n-m&gt;</c>: the numbers n to m in decimal; sized as that many digits of any value.</summary>
    private Node Interval(string text)
    {
        var dash = text.IndexOf('-');
        if (dash <= 0 || dash == text.Length - 1 || dash != text.LastIndexOf('-'))
        {
            throw Error($"'<{text}>' is not an interval such as <1-100> (named automata are not supported)");
        }
        var (low, high) = (text[..dash], text[(dash + 1)..]);
        if (!low.All(char.IsAsciiDigit) || !high.All(char.IsAsciiDigit)) throw Error($"'<{text}>' is not an interval of whole numbers");
        if (!long.TryParse(low, out var lo) || !long.TryParse(high, out var hi) || Math.Max(lo, hi) > int.MaxValue)
        {
            throw new BoundTooLargeException("<n-m>", text);
        }
        var digits = Math.Max(low.Length, high.Length);
        return new Repeat(new Chars([('0', '9')]), 1, digits);
    }

    private int CharExp()
    {
        Match('\\');
        if (!More) throw Error("unexpected end of pattern");
        var c = CodePoints.At(pattern, ref _pos);
        _pos++;
        return c;
    }

    private bool More => _pos < pattern.Length;

    private bool Peek(string chars) => More && chars.Contains(pattern[_pos]);

    private bool Match(char c)
    {
        if (!More || pattern[_pos] != c) return false;
        _pos++;
        return true;
    }

    private FormatException Error(string problem) => new($"{problem} at position {_pos}");
}

/// <summary>A repetition or interval bound larger than the state limit allows.</summary>
internal sealed class BoundTooLargeException(string what, string value) : FormatException($"{what} bound {value}")
{
    public string What { get; } = what;

    public string Value { get; } = value;
}
