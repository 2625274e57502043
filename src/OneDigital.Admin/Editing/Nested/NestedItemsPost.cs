// Why: without JavaScript, adding, moving and removing a nested item posts the whole form and shows it again changed,
// with everything typed kept and nothing saved. Nested inputs are named by position ({list}[{i}].{Part}.{Field}), so
// each change is a renaming of the posted keys: the form is then read and shown from the renamed post as if it had
// been typed that way. A dragged order arrives the same way: each item posts its first position as {list}.Order.
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OneDigital.Admin.Editing.Nested;

public static class NestedItemsPost
{
    /// <summary>The operations a submit button's <c>action</c> names: <c>items|{op}|{list}|{index or type}</c>.</summary>
    public const string Add = "add", Up = "up", Down = "down", Remove = "remove";

    private const string Marker = "items|";

    public static string Action(string op, string list, object argument) =>
        $"{Marker}{op}|{list}|{Convert.ToString(argument, CultureInfo.InvariantCulture)}";

    public static bool IsAction(string action) => action.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>Whether the input name is a list's (the key of its own errors), not an input's.</summary>
    public static bool IsList(string name) => name.EndsWith(".ContentItems", StringComparison.Ordinal) || name.EndsWith(".Widgets", StringComparison.Ordinal);

    public static string ShownName(string list) => list + ".Shown";

    public static string OrderName(string list) => list + ".Order";

    public static string ItemPrefix(string list, int index) => $"{list}[{index.ToString(CultureInfo.InvariantCulture)}].";

    public static string TypeName(string list, int index) => ItemPrefix(list, index) + "ContentType";

    public static string IdName(string list, int index) => ItemPrefix(list, index) + "ContentItemId";

    /// <summary>How many items the post holds for <paramref name="list"/> (positions 0.. with a ContentType).</summary>
    public static int Count(IFormCollection form, string list)
    {
        var count = 0;
        while (form.ContainsKey(TypeName(list, count))) count++;
        return count;
    }

    /// <summary>The post with every list's items in the order they were shown (or dragged) and <paramref name="action"/>'s change made.</summary>
    public static IFormCollection Apply(IFormCollection form, string action)
    {
        var values = form.Keys.ToDictionary(k => k, k => form[k], StringComparer.Ordinal);
        var change = Parse(action);
        var lists = values.Keys.Where(k => k.EndsWith(".Order", StringComparison.Ordinal)).Select(k => k[..^".Order".Length]).ToHashSet(StringComparer.Ordinal);
        if (change is { } c) lists.Add(c.List);
        // Deepest first: moving an outer item renames its inner lists' keys, which must already be in their order.
        foreach (var list in lists.OrderByDescending(l => l.Count(ch => ch == '[')))
        {
            var count = 0;
            while (values.ContainsKey(TypeName(list, count))) count++;
            var order = ShownOrder(values.GetValueOrDefault(OrderName(list)), count);
            values.Remove(OrderName(list));
            if (change is { } made && made.List == list) Make(made, order, count, values);
            Rename(values, list, order);
        }
        return new FormCollection(values, form.Files);
    }

    private sealed record Change(string Op, string List, string Argument);

    private static Change? Parse(string action)
    {
        if (!IsAction(action)) return null;
        var parts = action[Marker.Length..].Split('|');
        return parts.Length == 3 && parts[1].Length > 0 ? new Change(parts[0], parts[1], parts[2]) : null;
    }

    /// <summary>The first positions in the order posted; the shown order when the post has none or it does not fit.</summary>
    private static List<int> ShownOrder(StringValues posted, int count)
    {
        var order = posted.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).ToList();
        return order.Count == count && order.Order().SequenceEqual(Enumerable.Range(0, count)) ? order : [.. Enumerable.Range(0, count)];
    }

    private static void Make(Change change, List<int> order, int count, Dictionary<string, StringValues> values)
    {
        if (change.Op == Add)
        {
            order.Add(count);
            values[TypeName(change.List, count)] = change.Argument;
            values[IdName(change.List, count)] = "";
            return;
        }
        if (!int.TryParse(change.Argument, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return;
        var at = order.IndexOf(index);
        if (at < 0) return;
        switch (change.Op)
        {
            case Up when at > 0:
                (order[at - 1], order[at]) = (order[at], order[at - 1]);
                break;
            case Down when at < order.Count - 1:
                (order[at + 1], order[at]) = (order[at], order[at + 1]);
                break;
            case Remove:
                order.RemoveAt(at);
                break;
        }
    }

    /// <summary>Gives the keys of the item first at position <c>order[n]</c> position n; keys of items left out are dropped.</summary>
    private static void Rename(Dictionary<string, StringValues> values, string list, List<int> order)
    {
        var start = list + "[";
        var renamed = new List<(string Key, StringValues Value)>();
        foreach (var key in values.Keys.Where(k => k.StartsWith(start, StringComparison.Ordinal)).ToList())
        {
            var end = key.IndexOf(']', start.Length);
            if (end < 0 || !int.TryParse(key.AsSpan(start.Length, end - start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var first)) continue;
            var now = order.IndexOf(first);
            if (now >= 0) renamed.Add(($"{start}{now.ToString(CultureInfo.InvariantCulture)}{key[end..]}", values[key]));
            values.Remove(key);
        }
        foreach (var (key, value) in renamed) values[key] = value;
    }
}
