using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace OneDigital.Search.Documents;

/// <summary>
/// How Number (double) and DateTicks (long) values are indexed and how ranges over them are asked, in one place so the
/// two cannot disagree. A value is indexed as a term every <see cref="PrecisionStep"/> bits: Lucene 4.8's default of
/// 4 gives 16 terms per value, and a document's three dates alone were 48 of the terms a rebuild inverts; 16 (Lucene
/// 5's default for 64-bit values) gives 4. A range query must use the index's step or a multiple of it, so these
/// queries also answer right over documents an older build wrote with step 4.
/// </summary>
public static class NumericFields
{
    public const int PrecisionStep = 16;

    private static readonly FieldType Int64Type = Frozen(Int64Field.TYPE_STORED);
    private static readonly FieldType DoubleType = Frozen(DoubleField.TYPE_STORED);

    public static Int64Field Int64(string name, long value) => new(name, value, Int64Type);

    public static DoubleField Double(string name, double value) => new(name, value, DoubleType);

    public static NumericRangeQuery<long> Int64Range(string field, long? lower, long? upper, bool lowerInclusive, bool upperInclusive) =>
        NumericRangeQuery.NewInt64Range(field, PrecisionStep, lower, upper, lowerInclusive, upperInclusive);

    public static NumericRangeQuery<double> DoubleRange(string field, double? lower, double? upper, bool lowerInclusive, bool upperInclusive) =>
        NumericRangeQuery.NewDoubleRange(field, PrecisionStep, lower, upper, lowerInclusive, upperInclusive);

    private static FieldType Frozen(FieldType stored)
    {
        var type = new FieldType(stored) { NumericPrecisionStep = PrecisionStep };
        type.Freeze();
        return type;
    }
}
