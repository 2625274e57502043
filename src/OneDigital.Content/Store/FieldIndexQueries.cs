using System.Linq.Expressions;

namespace OneDigital.Content.Store;

/// <summary>
/// Filters and sorts content versions by a field's value through the generic field index, e.g.
/// <c>db.ContentItems.Where(r => r.ContentType == "Report" &amp;&amp; r.Published)
/// .WhereField(db.ContentFieldIndex, "Report", "PartNumber", f => f.NumberValue &gt;= 2)
/// .OrderByField(db.ContentFieldIndex, "Report", "PartNumber", f => f.NumberValue)</c>.
/// The part name is the name the part has in the type (a type's own fields live in the part named like the type).
/// </summary>
internal static class FieldIndexQueries
{
    /// <summary>Versions with at least one value of the field that matches <paramref name="value"/>.</summary>
    public static IQueryable<ContentItemRecord> WhereField(
        this IQueryable<ContentItemRecord> versions,
        IQueryable<ContentFieldIndexRecord> index,
        string partName,
        string fieldName,
        Expression<Func<ContentFieldIndexRecord, bool>> value)
    {
        var matching = index
            .Where(f => f.PartName == partName && f.FieldName == fieldName)
            .Where(value)
            .Select(f => f.ContentItemRecordId);
        return versions.Where(r => matching.Contains(r.Id));
    }

    /// <summary>
    /// Versions sorted by a text, number or date value of the field. A field with several values (taxonomy terms,
    /// content pickers) sorts by its least value ascending and its greatest descending. Where versions without a
    /// value go depends on the database (first on SQLite, last on PostgreSQL, ascending): filter them out with
    /// <see cref="WhereField"/> when it matters.
    /// </summary>
    public static IOrderedQueryable<ContentItemRecord> OrderByField<T>(
        this IQueryable<ContentItemRecord> versions,
        IQueryable<ContentFieldIndexRecord> index,
        string partName,
        string fieldName,
        Expression<Func<ContentFieldIndexRecord, T>> value,
        bool descending = false)
    {
        var key = SortKey(index, partName, fieldName, value, descending);
        return descending ? versions.OrderByDescending(key) : versions.OrderBy(key);
    }

    /// <summary>A further sort key after <see cref="OrderByField"/> or any other ordering.</summary>
    public static IOrderedQueryable<ContentItemRecord> ThenByField<T>(
        this IOrderedQueryable<ContentItemRecord> versions,
        IQueryable<ContentFieldIndexRecord> index,
        string partName,
        string fieldName,
        Expression<Func<ContentFieldIndexRecord, T>> value,
        bool descending = false)
    {
        var key = SortKey(index, partName, fieldName, value, descending);
        return descending ? versions.ThenByDescending(key) : versions.ThenBy(key);
    }

    // r => index.Where(f => part/field match && f.ContentItemRecordId == r.Id).Select(value).Min() (or Max):
    // a correlated subquery both providers translate, built by hand because the selector is the caller's.
    private static Expression<Func<ContentItemRecord, T>> SortKey<T>(
        IQueryable<ContentFieldIndexRecord> index,
        string partName,
        string fieldName,
        Expression<Func<ContentFieldIndexRecord, T>> value,
        bool descending)
    {
        var field = index.Where(f => f.PartName == partName && f.FieldName == fieldName);
        var version = Expression.Parameter(typeof(ContentItemRecord), "r");
        var row = Expression.Parameter(typeof(ContentFieldIndexRecord), "f");
        var sameVersion = Expression.Lambda<Func<ContentFieldIndexRecord, bool>>(
            Expression.Equal(
                Expression.Property(row, nameof(ContentFieldIndexRecord.ContentItemRecordId)),
                Expression.Property(version, nameof(ContentItemRecord.Id))),
            row);
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ContentFieldIndexRecord)],
            field.Expression, Expression.Quote(sameVersion));
        var values = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ContentFieldIndexRecord), typeof(T)],
            rows, Expression.Quote(value));
        var aggregate = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.Max) : nameof(Queryable.Min), [typeof(T)], values);
        return Expression.Lambda<Func<ContentItemRecord, T>>(aggregate, version);
    }
}
