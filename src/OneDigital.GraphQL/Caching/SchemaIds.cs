using System.Runtime.CompilerServices;
using GraphQL.Types;

namespace OneDigital.GraphQL.Caching;

/// <summary>
/// A number per schema instance: a new schema is built whenever the content definitions change, so a cache key that
/// holds it cannot hand out what an older schema parsed, validated or answered.
/// </summary>
internal static class SchemaIds
{
    private static readonly ConditionalWeakTable<ISchema, object> Ids = [];
    private static long _last;

    public static long Of(ISchema schema) => (long)Ids.GetValue(schema, _ => Interlocked.Increment(ref _last));
}
