// Why: Lucene 4.8 determinizes a regexp or wildcard with no bound on states, time or stack depth, so one request
// could spin for seconds or overflow the stack (which .NET cannot catch). This counts the states first, within a
// fixed budget of work, so a pattern is refused before Lucene ever builds it.
namespace OneDigital.Search.Queries.Limits;

/// <summary>
/// Parses Lucene's regexp syntax (all flags: <c>~</c> complement, <c>&amp;</c> intersection, <c>@</c>, <c>#</c>,
/// <c>&lt;n-m&gt;</c>) and wildcards into a small NFA, then determinizes it with a state cap and a work budget. The
/// count is of an unminimized automaton, so it is at least Lucene's: what passes here is no larger for Lucene.
/// </summary>
internal sealed class AutomatonSize
{
    private const int MaxCodePoint = 0x10FFFF;

    private readonly int _maxStates;
    private readonly List<List<(int Lo, int Hi, int To)>> _moves = [];
    private readonly List<List<int>> _empty = [];
    private long _work;
    // States of every automaton determinized for one pattern: Lucene determinizes (and minimizes) the same parts.
    private int _dfaStates;

    private AutomatonSize(int maxStates) => _maxStates = maxStates;

    /// <summary>Upper limit on NFA states built and on the steps of determinization; past them a pattern is "too complex".</summary>
    private int MaxNfaStates => _maxStates * 8;

    private long MaxWork => 20L * 1000 * 1000;

    /// <summary>
    /// The number of determinized states of a regexp, or null when it needs more than <paramref name="maxStates"/>
    /// (or more work than a budget allows). Throws <see cref="FormatException"/> for syntax it does not accept.
    /// </summary>
    public static int? OfRegexp(string pattern, int maxStates, int maxNesting)
    {
        var node = new RegexSyntax(pattern, maxNesting).Parse();
        return new AutomatonSize(maxStates).Count(node);
    }

    /// <summary>The same for a wildcard pattern (<c>*</c>, <c>?</c>, <c>\</c> escapes).</summary>
    public static int? OfWildcard(string pattern, int maxStates)
    {
        var parts = new List<Node>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = CodePoints.At(pattern, ref i);
            parts.Add(c switch
            {
                '*' => new AnyString(),
                '?' => new Chars([(0, MaxCodePoint)]),
                '\\' when i + 1 < pattern.Length => Escaped(pattern, ref i),
                _ => Literal(c),
            });
        }
        return new AutomatonSize(maxStates).Count(new Seq(parts));
    }

    private static Node Escaped(string pattern, ref int i)
    {
        i++;
        return Literal(CodePoints.At(pattern, ref i));
    }

    private int? Count(Node node)
    {
        if (Size(node) > MaxNfaStates)
        {
            return null;
        }
        try
        {
            var (start, end) = Build(node);
            return Determinize(start, end).Count;
        }
        catch (TooComplexException)
        {
            return null;
        }
    }

    // ---- the syntax tree ----

    internal abstract record Node;

    internal sealed record Chars(List<(int Lo, int Hi)> Ranges) : Node;

    internal sealed record Seq(List<Node> Parts) : Node;

    internal sealed record Alt(List<Node> Options) : Node;

    internal sealed record Repeat(Node Inner, int Min, int Max) : Node; // Max -1: unbounded

    internal sealed record Complement(Node Inner) : Node;

    internal sealed record Intersect(Node Left, Node Right) : Node;

    internal sealed record AnyString : Node;

    internal sealed record Nothing : Node; // '#': the empty language

    internal static Node Literal(int c) => new Chars([(c, c)]);

    /// <summary>NFA states a node needs (saturating), to refuse huge repetitions before building anything.</summary>
    private static long Size(Node node) => node switch
    {
        Chars or AnyString or Nothing => 2,
        Seq s => Saturate(s.Parts.Sum(p => Math.Min(Size(p), int.MaxValue)) + 2),
        Alt a => Saturate(a.Options.Sum(p => Math.Min(Size(p), int.MaxValue)) + 2),
        Repeat r => Saturate(Math.Min(Size(r.Inner), int.MaxValue) * Math.Max(1L, Math.Max(r.Min, r.Max)) + 2),
        Complement c => Saturate(Size(c.Inner) * 2),
        Intersect i => Saturate(Size(i.Left) + Size(i.Right)),
        _ => 2,
    };

    private static long Saturate(long n) => Math.Min(n, int.MaxValue);

    // ---- Thompson construction ----

    private int NewState()
    {
        if (_moves.Count >= MaxNfaStates) throw new TooComplexException();
        _moves.Add([]);
        _empty.Add([]);
        return _moves.Count - 1;
    }

    private (int Start, int End) Build(Node node)
    {
        var start = NewState();
        var end = NewState();
        switch (node)
        {
            case Chars chars:
                foreach (var (lo, hi) in chars.Ranges) _moves[start].Add((lo, hi, end));
                break;
            case AnyString:
                _moves[start].Add((0, MaxCodePoint, start));
                _empty[start].Add(end);
                break;
            case Nothing:
                break;
            case Seq seq:
                var at = start;
                foreach (var part in seq.Parts)
                {
                    var (s, e) = Build(part);
                    _empty[at].Add(s);
                    at = e;
                }
                _empty[at].Add(end);
                break;
            case Alt alt:
                foreach (var option in alt.Options)
                {
                    var (s, e) = Build(option);
                    _empty[start].Add(s);
                    _empty[e].Add(end);
                }
                break;
            case Repeat repeat:
                var from = start;
                for (var i = 0; i < repeat.Min; i++)
                {
                    var (s, e) = Build(repeat.Inner);
                    _empty[from].Add(s);
                    from = e;
                }
                if (repeat.Max < 0)
                {
                    var (s, e) = Build(repeat.Inner);
                    _empty[from].Add(s);
                    _empty[e].Add(from);
                    _empty[from].Add(end);
                }
                else
                {
                    for (var i = repeat.Min; i < repeat.Max; i++)
                    {
                        var (s, e) = Build(repeat.Inner);
                        _empty[from].Add(s);
                        _empty[from].Add(end);
                        from = e;
                    }
                    _empty[from].Add(end);
                }
                break;
            case Complement complement:
                Embed(Complete(Determinize(Build(complement.Inner))), start, end, flip: true);
                break;
            case Intersect intersect:
                Embed(Product(Determinize(Build(intersect.Left)), Determinize(Build(intersect.Right))), start, end, flip: false);
                break;
        }
        return (start, end);
    }

    // ---- determinization ----

    private sealed class Dfa
    {
        public List<List<(int Lo, int Hi, int To)>> Moves { get; } = [];
        public List<bool> Accepts { get; } = [];
        public int Count => Moves.Count;
    }

    private Dfa Determinize((int Start, int End) nfa) => Determinize(nfa.Start, nfa.End);

    private Dfa Determinize(int start, int end)
    {
        var dfa = new Dfa();
        var ids = new Dictionary<int[], int>(SetComparer.Instance);
        var sets = new List<int[]>();
        int Id(int[] set)
        {
            if (ids.TryGetValue(set, out var id)) return id;
            if (dfa.Count >= _maxStates || ++_dfaStates > _maxStates) throw new TooComplexException();
            ids[set] = dfa.Count;
            sets.Add(set);
            dfa.Moves.Add([]);
            dfa.Accepts.Add(Array.BinarySearch(set, end) >= 0);
            return dfa.Count - 1;
        }
        Id(Closure([start]));
        var moves = new List<(int Lo, int Hi, int To)>();
        var points = new List<int>();
        for (var d = 0; d < sets.Count; d++)
        {
            moves.Clear();
            points.Clear();
            foreach (var s in sets[d])
            {
                foreach (var move in _moves[s])
                {
                    moves.Add(move);
                    points.Add(move.Lo);
                    points.Add(move.Hi + 1);
                }
            }
            if (moves.Count == 0) continue;
            points.Sort();
            var distinct = new List<int>(points.Count);
            foreach (var point in points) if (distinct.Count == 0 || distinct[^1] != point) distinct.Add(point);
            // Each elementary interval between two points goes to the states of every move covering it.
            var targets = new List<int>?[distinct.Count - 1];
            foreach (var (lo, hi, to) in moves)
            {
                var first = distinct.BinarySearch(lo);
                Spend(1);
                for (var i = first; i < targets.Length && distinct[i] <= hi; i++)
                {
                    (targets[i] ??= []).Add(to);
                    Spend(1);
                }
            }
            for (var i = 0; i < targets.Length; i++)
            {
                if (targets[i] is { } to) dfa.Moves[d].Add((distinct[i], distinct[i + 1] - 1, Id(Closure(to))));
            }
        }
        return dfa;
    }

    private int[] Closure(List<int> states)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(states);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (!seen.Add(s)) continue;
            foreach (var next in _empty[s]) stack.Push(next);
        }
        Spend(seen.Count);
        var set = seen.ToArray();
        Array.Sort(set);
        return set;
    }

    private sealed class SetComparer : IEqualityComparer<int[]>
    {
        public static SetComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.AsSpan()));
            return hash.ToHashCode();
        }
    }

    private void Spend(long steps)
    {
        _work += steps;
        if (_work > MaxWork) throw new TooComplexException();
    }

    /// <summary>Adds a dead state so every character has a move (complement needs a complete automaton).</summary>
    private Dfa Complete(Dfa dfa)
    {
        var dead = dfa.Count;
        dfa.Moves.Add([(0, MaxCodePoint, dead)]);
        dfa.Accepts.Add(false);
        for (var d = 0; d < dead; d++)
        {
            var next = 0;
            foreach (var (lo, hi, _) in dfa.Moves[d].OrderBy(m => m.Lo).ToList())
            {
                if (lo > next) dfa.Moves[d].Add((next, lo - 1, dead));
                next = hi + 1;
            }
            if (next <= MaxCodePoint) dfa.Moves[d].Add((next, MaxCodePoint, dead));
        }
        if (dfa.Count > _maxStates) throw new TooComplexException();
        return dfa;
    }

    private Dfa Product(Dfa left, Dfa right)
    {
        var dfa = new Dfa();
        var ids = new Dictionary<(int, int), int>();
        var pairs = new List<(int L, int R)>();
        int Id((int L, int R) pair)
        {
            if (ids.TryGetValue(pair, out var id)) return id;
            if (dfa.Count >= _maxStates || ++_dfaStates > _maxStates) throw new TooComplexException();
            ids[pair] = dfa.Count;
            pairs.Add(pair);
            dfa.Moves.Add([]);
            dfa.Accepts.Add(left.Accepts[pair.L] && right.Accepts[pair.R]);
            return dfa.Count - 1;
        }
        Id((0, 0));
        for (var d = 0; d < pairs.Count; d++)
        {
            var (l, r) = pairs[d];
            Spend(left.Moves[l].Count * (long)right.Moves[r].Count);
            foreach (var (lo1, hi1, to1) in left.Moves[l])
            {
                foreach (var (lo2, hi2, to2) in right.Moves[r])
                {
                    var (lo, hi) = (Math.Max(lo1, lo2), Math.Min(hi1, hi2));
                    if (lo <= hi) dfa.Moves[d].Add((lo, hi, Id((to1, to2))));
                }
            }
        }
        return dfa;
    }

    /// <summary>Puts a DFA into the NFA between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private void Embed(Dfa dfa, int start, int end, bool flip)
    {
        var first = _moves.Count;
        for (var d = 0; d < dfa.Count; d++) NewState();
        for (var d = 0; d < dfa.Count; d++)
        {
            foreach (var (lo, hi, to) in dfa.Moves[d]) _moves[first + d].Add((lo, hi, first + to));
            if (dfa.Accepts[d] != flip) _empty[first + d].Add(end);
        }
        _empty[start].Add(first);
    }

    private sealed class TooComplexException : Exception;
}

internal static class CodePoints
{
    /// <summary>The code point at <paramref name="i"/>, moving <paramref name="i"/> past a surrogate pair.</summary>
    public static int At(string text, ref int i)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return char.ConvertToUtf32(text[i], text[++i]);
        }
        return text[i];
    }
}
