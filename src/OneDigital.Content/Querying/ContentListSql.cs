using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Querying.TitleSearch;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Store;

namespace OneDigital.Content.Querying;

/// <summary>
/// Plans a <see cref="ContentListRequest"/> on the version rows and the field index: the filter becomes one
/// condition on the row (field conditions are <c>Id IN (matching index rows)</c>), sort keys become ORDER BY with the
/// version id as the tie-break. Values are parameters, so the database reuses its plans.
/// </summary>
internal static class ContentListSql
{
    /// <param name="fieldsPlan">How SQLite reaches the rows the field conditions select: see <see cref="PlanFieldsAsync"/>.</param>
    public static IQueryable<ContentItemRecord> Filtered(ContentListRequest request, IQueryable<ContentItemRecord> records,
        IQueryable<ContentFieldIndexRecord> index, IQueryable<ScheduledChange> schedules, TitleCandidates titles, FieldsPlan fieldsPlan = FieldsPlan.Set)
    {
        var query = records;
        var leads = fieldsPlan == FieldsPlan.Lead || titles.LeadsOn(request.Filter);
        if (request.ContentType is { } contentType)
        {
            // When a few candidate rows lead, the type is compared through an expression SQLite looks up in no index:
            // it would otherwise walk the type's index, every version of the type, to find them.
            query = query.Where(leads ? Unindexed<ContentItemRecord>(nameof(ContentItemRecord.ContentType), contentType) : r => r.ContentType == contentType);
        }
        // Flags compared with parameters, not as bare columns: SQLite uses an index only for "Latest = ?", so the
        // (type, Latest, modified) and (Latest, modified) indexes are walked in order instead of sorting every row.
        // When SQLite's title index narrows the list to a few candidates, the flags are compared as "<> ?" instead,
        // which SQLite never looks up in an index: it then reads the candidates rather than every latest version.
        var (yes, no) = (true, false);
        Expression<Func<ContentItemRecord, bool>> latest = r => r.Latest == yes, published = r => r.Published == yes, unpublished = r => r.Published == no;
        if (leads)
        {
            (latest, published, unpublished) = (r => r.Latest != no, r => r.Published != no, r => r.Published != yes);
        }
        query = request.Status switch
        {
            ContentStatus.Draft => query.Where(latest).Where(unpublished),
            ContentStatus.Latest => query.Where(latest),
            ContentStatus.All => query,
            ContentStatus.Scheduled => query.Where(latest)
                .Where(r => schedules.Any(s => s.ContentItemId == r.ContentItemId && s.State == ScheduleState.Pending)),
            _ => query.Where(published),
        };
        if (request.OwnedBy is { } owner)
        {
            var userId = owner.UserId;
            query = query.Where(r => r.Owner == userId);
        }
        if (request.Filter is { } filter)
        {
            var record = Expression.Parameter(typeof(ContentItemRecord), "r");
            var fields = new FieldConditions(index, fieldsPlan == FieldsPlan.Probe);
            query = query.Where(Expression.Lambda<Func<ContentItemRecord, bool>>(Condition(filter, record, fields, titles), record));
        }
        return query;
    }

    /// <summary>
    /// The request's page. A bounded page is a deferred join: the filter, sort and offset run over the columns alone
    /// (the list's covering index, no documents), and only the page's rows are then read whole, so a deep page
    /// costs a walk of a narrow index rather than of the rows it skips.
    /// </summary>
    public static IQueryable<ContentItemRecord> Page(ContentListRequest request, IQueryable<ContentItemRecord> filtered,
        IQueryable<ContentItemRecord> records, IQueryable<ContentFieldIndexRecord> index)
    {
        if (request.Take is null) return Sorted(request, filtered, index).Skip(Math.Max(0, request.Skip));
        var pageIds = PageIds(request, filtered, index);
        return Sorted(request, records.Where(r => pageIds.Contains(r.Id)), index);
    }

    /// <summary>
    /// A partner's usual page as plain SQL, or null for any other request: a bounded page of one status (published,
    /// latest or drafts) with no filter and no owner, sorted by columns. It is the statement <see cref="Page"/> plans
    /// (the page's ids off the order's index, then those rows), without EF's LINQ pipeline, which cost more than the
    /// query; only the columns an item is made of are read.
    /// </summary>
    public static (string Sql, object[] Values)? PlainPage(ContentListRequest request)
    {
        if (request.Take is not { } take || request.Filter is not null || request.OwnedBy is not null
            || request.Sort.Any(s => s is not ContentSort.ByColumn)) return null;
        var values = new List<object>();
        string Value(object value)
        {
            values.Add(value);
            return $"@p{values.Count - 1}";
        }
        var conditions = new List<string>();
        if (request.ContentType is { } contentType) conditions.Add($"\"ContentType\" = {Value(contentType)}");
        switch (request.Status)
        {
            case ContentStatus.Published:
                conditions.Add($"\"Published\" = {Value(true)}");
                break;
            case ContentStatus.Latest:
                conditions.Add($"\"Latest\" = {Value(true)}");
                break;
            case ContentStatus.Draft:
                conditions.Add($"\"Latest\" = {Value(true)}");
                conditions.Add($"\"Published\" = {Value(false)}");
                break;
            case ContentStatus.All:
                break;
            default:
                return null;
        }
        // As Sorted: newest created first without keys; the version id breaks ties the way the last key runs.
        var keys = request.Sort.Count == 0
            ? [(ContentColumn.CreatedUtc, true)]
            : request.Sort.Cast<ContentSort.ByColumn>().Select(c => (c.Column, c.Descending)).ToList();
        var order = string.Join(", ", keys.Select(k => $"\"{k.Item1}\"{(k.Item2 ? " DESC" : "")}"))
            + (keys[^1].Item2 ? ", \"Id\" DESC" : ", \"Id\"");
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var page = $"SELECT \"Id\" FROM \"ContentItems\" {where} ORDER BY {order} LIMIT {Value(take)} OFFSET {Value(Math.Max(0, request.Skip))}";
        return ($"SELECT \"Document\", \"Latest\", \"Published\" FROM \"ContentItems\" WHERE \"Id\" IN ({page}) ORDER BY {order}", [.. values]);
    }

    /// <summary>
    /// How a bounded page in a column's order on SQLite should reach the rows its field conditions select; SQLite cannot
    /// weigh this itself. The field conditions every row must meet are counted, up to a bound: when each matches many
    /// rows (a topic), the walk in the list's order meets the page soon (<see cref="FieldsPlan.Probe"/>); when one matches
    /// few (a rare value), those few rows lead (<see cref="FieldsPlan.Lead"/>). A path or an alias names one live item:
    /// it leads without being counted, so a lookup by path is one query.
    /// </summary>
    public static async Task<FieldsPlan> PlanFieldsAsync(ContentListRequest request, ContentDbContext db, CancellationToken ct)
    {
        if (request.Take is not { } take || request.Filter is not { } filter || request.Sort.Any(s => s is ContentSort.ByField)) return FieldsPlan.Set;
        var required = Required(filter).ToList();
        if (required.Count == 0) return FieldsPlan.Set;
        if (required.Any(Identifies)) return FieldsPlan.Lead;
        var many = Math.Clamp(4 * (Math.Max(0, request.Skip) + take), 1_000, 10_000);
        var index = db.ContentFieldIndex.AsNoTracking();
        foreach (var field in required)
        {
            if (await CountUpToAsync(db, Matching(field, index), many, ct) < many) return FieldsPlan.Lead;
        }
        return FieldsPlan.Probe;
    }

    private static bool Identifies(ContentFilter.Field field) =>
        field is { Kind: FieldValueKind.Text, Operator: FilterOperator.Equal or FilterOperator.In }
        && (field is { Part: "AutoroutePart", FieldName: "Path" } || field is { Part: "AliasPart", FieldName: "Alias" });

    /// <summary>
    /// How many rows the query returns, counting at most <paramref name="limit"/>: EF's own command wrapped in a count of
    /// a LIMIT, since which rows are counted does not matter (EF's Take would ask for an order, and sort every match).
    /// </summary>
    private static async Task<long> CountUpToAsync<T>(ContentDbContext db, IQueryable<T> rows, int limit, CancellationToken ct)
    {
        await using var query = rows.CreateDbCommand();
        var parameters = query.Parameters.Cast<object>().ToList();
        query.Parameters.Clear();
        await using var command = await StoreCommands.CommandAsync(db,
            $"SELECT COUNT(*) FROM ({query.CommandText} LIMIT {limit.ToString(CultureInfo.InvariantCulture)}) AS \"Matches\"", parameters, ct);
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static IEnumerable<ContentFilter.Field> Required(ContentFilter filter) => filter switch
    {
        ContentFilter.Field field => [field],
        ContentFilter.And and => and.Filters.SelectMany(Required),
        // An OR of one condition is that condition: the site's topic filters name one type's field this way.
        ContentFilter.Or { Filters.Count: 1 } or => Required(or.Filters[0]),
        _ => [],
    };

    /// <summary>The ids of a bounded page's versions, in order: the walk that the list's indexes serve.</summary>
    public static IQueryable<long> PageIds(ContentListRequest request, IQueryable<ContentItemRecord> filtered, IQueryable<ContentFieldIndexRecord> index) =>
        Sorted(request, filtered, index).Skip(Math.Max(0, request.Skip)).Take(request.Take ?? int.MaxValue).Select(r => r.Id);

    private static IOrderedQueryable<ContentItemRecord> Sorted(ContentListRequest request, IQueryable<ContentItemRecord> filtered, IQueryable<ContentFieldIndexRecord> index)
    {
        var ordered = filtered;
        var first = true;
        foreach (var key in request.Sort)
        {
            ordered = key switch
            {
                ContentSort.ByColumn c => SortByColumn(ordered, c.Column, first, c.Descending),
                ContentSort.ByField f => SortByField(ordered, f, first, index),
                _ => throw new InvalidOperationException($"Unknown sort key {key}."),
            };
            first = false;
        }
        // The tie-break runs the way the last key does, so the store can walk an index (type, status, key, id) and stop
        // after the page instead of sorting every matching row.
        return first
            ? filtered.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            : request.Sort[^1].Descending
                ? ((IOrderedQueryable<ContentItemRecord>)ordered).ThenByDescending(r => r.Id)
                : ((IOrderedQueryable<ContentItemRecord>)ordered).ThenBy(r => r.Id);
    }

    // As GraphQL's where has always read: and/or fold left, an empty and is true, an empty or false.
    private sealed record FieldConditions(IQueryable<ContentFieldIndexRecord> Index, bool Probe);

    private static Expression Condition(ContentFilter filter, ParameterExpression record, FieldConditions index, TitleCandidates titles) => filter switch
    {
        ContentFilter.And and => Join(and.Filters, record, index, titles, Expression.AndAlso, true),
        ContentFilter.Or or => Join(or.Filters, record, index, titles, Expression.OrElse, false),
        ContentFilter.Not not => Expression.Not(Condition(not.Filter, record, index, titles)),
        ContentFilter.Column { Name: ContentColumn.DisplayText, Operator: FilterOperator.Contains } column => TitleContains(column, record, titles),
        ContentFilter.Column column => Compare(Expression.Property(record, column.Name.ToString()), column.Operator, column.Value),
        ContentFilter.Field field => FieldCondition(field, record, index),
        _ => throw new InvalidOperationException($"Unknown filter {filter}."),
    };

    /// <summary>
    /// The exact contains condition, narrowed first by the provider's trigram index when the term is long enough:
    /// the index's candidates include every match, so the result is the exact condition's.
    /// </summary>
    private static Expression TitleContains(ContentFilter.Column column, ParameterExpression record, TitleCandidates titles)
    {
        var exact = Compare(Expression.Property(record, nameof(ContentItemRecord.DisplayText)), column.Operator, column.Value);
        return titles.For(TitleCandidates.Lowered(column), record) is { } candidates ? Expression.AndAlso(candidates, exact) : exact;
    }

    private static Expression Join(IReadOnlyList<ContentFilter> filters, ParameterExpression record, FieldConditions index,
        TitleCandidates titles, Func<Expression, Expression, BinaryExpression> join, bool emptyValue)
    {
        Expression? result = null;
        foreach (var filter in filters)
        {
            var condition = Condition(filter, record, index, titles);
            result = result is null ? condition : join(result, condition);
        }
        return result ?? Expression.Constant(emptyValue);
    }

    private static readonly System.Reflection.MethodInfo QueryableContains = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(long));

    /// <summary>
    /// <c>r.Id IN (SELECT ContentItemRecordId FROM index WHERE part, field and value match)</c>, or as a probe,
    /// <c>EXISTS (SELECT 1 FROM index WHERE ContentItemRecordId = r.Id AND part, field and value match)</c>.
    /// </summary>
    private static Expression FieldCondition(ContentFilter.Field field, ParameterExpression record, FieldConditions fields)
    {
        var id = Expression.Property(record, nameof(ContentItemRecord.Id));
        if (!fields.Probe) return Expression.Call(QueryableContains, Matching(field, fields.Index).Expression, id);
        var row = Expression.Parameter(typeof(ContentFieldIndexRecord), "p");
        var sameVersion = Expression.Lambda<Func<ContentFieldIndexRecord, bool>>(
            Expression.Equal(Expression.Property(row, nameof(ContentFieldIndexRecord.ContentItemRecordId)), id), row);
        // The part is compared as PartName || '': without statistics SQLite would otherwise look each row up in the
        // (part, field, value) index, reading every item with the value per row walked, not the row's few values.
        var partName = field.Part;
        var rows = Values(field with { Part = "" }, fields.Index).Where(sameVersion).Where(Unindexed<ContentFieldIndexRecord>(nameof(ContentFieldIndexRecord.PartName), partName));
        return Expression.Call(QueryableAny, rows.Expression);
    }

    /// <summary><c>property || '' = value</c>: the same comparison, which SQLite looks up in no index.</summary>
    private static Expression<Func<T, bool>> Unindexed<T>(string property, string value)
    {
        var row = Expression.Parameter(typeof(T), "q");
        var unindexed = Expression.Add(Expression.Property(row, property), Expression.Constant(""),
            typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)]));
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(unindexed, Parameter(value, typeof(string))), row);
    }

    private static readonly System.Reflection.MethodInfo QueryableAny = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Any) && m.GetParameters().Length == 1).MakeGenericMethod(typeof(ContentFieldIndexRecord));

    private static IQueryable<long> Matching(ContentFilter.Field field, IQueryable<ContentFieldIndexRecord> index) =>
        Values(field, index).Select(f => f.ContentItemRecordId);

    /// <summary>The index rows of the field whose value matches.</summary>
    private static IQueryable<ContentFieldIndexRecord> Values(ContentFilter.Field field, IQueryable<ContentFieldIndexRecord> index)
    {
        var (partName, fieldName) = (field.Part, field.FieldName);
        var row = Expression.Parameter(typeof(ContentFieldIndexRecord), "f");
        var valueMatch = Expression.Lambda<Func<ContentFieldIndexRecord, bool>>(
            Compare(Expression.Property(row, ValueProperty(field.Kind)), field.Operator, field.Value), row);
        var rows = partName.Length > 0 ? index.Where(f => f.PartName == partName) : index;
        return rows.Where(f => f.FieldName == fieldName).Where(valueMatch);
    }

    private static string ValueProperty(FieldValueKind kind) => kind switch
    {
        FieldValueKind.Text => nameof(ContentFieldIndexRecord.TextValue),
        FieldValueKind.Number => nameof(ContentFieldIndexRecord.NumberValue),
        FieldValueKind.Date => nameof(ContentFieldIndexRecord.DateValue),
        FieldValueKind.Boolean => nameof(ContentFieldIndexRecord.BooleanValue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static IQueryable<ContentItemRecord> SortByColumn(IQueryable<ContentItemRecord> query, ContentColumn column, bool first, bool descending) => column switch
    {
        ContentColumn.ContentItemId => Sort(query, r => r.ContentItemId, first, descending),
        ContentColumn.ContentItemVersionId => Sort(query, r => r.ContentItemVersionId, first, descending),
        ContentColumn.ContentType => Sort(query, r => r.ContentType, first, descending),
        ContentColumn.DisplayText => Sort(query, r => r.DisplayText, first, descending),
        ContentColumn.Owner => Sort(query, r => r.Owner, first, descending),
        ContentColumn.Author => Sort(query, r => r.Author, first, descending),
        ContentColumn.CreatedUtc => Sort(query, r => r.CreatedUtc, first, descending),
        ContentColumn.ModifiedUtc => Sort(query, r => r.ModifiedUtc, first, descending),
        ContentColumn.PublishedUtc => Sort(query, r => r.PublishedUtc, first, descending),
        ContentColumn.Published => Sort(query, r => r.Published, first, descending),
        ContentColumn.Latest => Sort(query, r => r.Latest, first, descending),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static IOrderedQueryable<ContentItemRecord> Sort<T>(IQueryable<ContentItemRecord> query, Expression<Func<ContentItemRecord, T>> key, bool first, bool descending) =>
        first ? (descending ? query.OrderByDescending(key) : query.OrderBy(key))
              : (descending ? ((IOrderedQueryable<ContentItemRecord>)query).ThenByDescending(key) : ((IOrderedQueryable<ContentItemRecord>)query).ThenBy(key));

    private static IQueryable<ContentItemRecord> SortByField(IQueryable<ContentItemRecord> query, ContentSort.ByField key, bool first, IQueryable<ContentFieldIndexRecord> index) => key.Kind switch
    {
        FieldValueKind.Text => SortByField(query, key, f => f.TextValue, first, index),
        FieldValueKind.Number => SortByField(query, key, f => f.NumberValue, first, index),
        FieldValueKind.Date => SortByField(query, key, f => f.DateValue, first, index),
        FieldValueKind.Boolean => SortByField(query, key, f => f.BooleanValue, first, index),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, null),
    };

    private static IOrderedQueryable<ContentItemRecord> SortByField<T>(IQueryable<ContentItemRecord> query, ContentSort.ByField key,
        Expression<Func<ContentFieldIndexRecord, T>> value, bool first, IQueryable<ContentFieldIndexRecord> index) =>
        first ? query.OrderByField(index, key.Part, key.FieldName, value, key.Descending)
              : ((IOrderedQueryable<ContentItemRecord>)query).ThenByField(index, key.Part, key.FieldName, value, key.Descending);

    /// <summary>The comparison of <paramref name="subject"/> (string, DateTime?, double?, bool?) with a value.</summary>
    private static Expression Compare(Expression subject, FilterOperator op, object value)
    {
        var type = subject.Type;
        if (op == FilterOperator.In)
        {
            var list = ConvertList(value, type);
            var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
                .MakeGenericMethod(type);
            return Expression.Call(contains, Parameter(list, list.GetType()), subject);
        }
        var converted = Convert(value, type);
        var constant = Parameter(converted, type);
        switch (op)
        {
            case FilterOperator.Equal:
                return Expression.Equal(subject, constant);
            case FilterOperator.GreaterThan:
                return Expression.GreaterThan(subject, constant);
            case FilterOperator.GreaterThanOrEqual:
                return Expression.GreaterThanOrEqual(subject, constant);
            case FilterOperator.LessThan:
                return Expression.LessThan(subject, constant);
            case FilterOperator.LessThanOrEqual:
                return Expression.LessThanOrEqual(subject, constant);
            case FilterOperator.Contains or FilterOperator.StartsWith or FilterOperator.EndsWith:
                var lowered = Parameter(((string)converted!).ToLowerInvariant(), typeof(string));
                var method = op switch
                {
                    FilterOperator.Contains => nameof(string.Contains),
                    FilterOperator.StartsWith => nameof(string.StartsWith),
                    _ => nameof(string.EndsWith),
                };
                var lower = Expression.Call(subject, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
                return Expression.AndAlso(
                    Expression.NotEqual(subject, Expression.Constant(null, typeof(string))),
                    Expression.Call(lower, typeof(string).GetMethod(method, [typeof(string)])!, lowered));
            default:
                throw new InvalidOperationException($"Unknown filter operator '{op}'.");
        }
    }

    // A captured value, so the database sees a parameter and reuses its plan.
    private static Expression Parameter(object? value, Type type)
    {
        var boxType = typeof(Box<>).MakeGenericType(type);
        var box = Activator.CreateInstance(boxType, value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private static object ConvertList(object value, Type itemType)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in value as IEnumerable ?? new[] { value })
        {
            if (item is not null) list.Add(Convert(item, itemType));
        }
        return list;
    }

    private static object? Convert(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            _ when target == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            DateTime d when target == typeof(DateTime) => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc),
            DateTimeOffset o when target == typeof(DateTime) => o.UtcDateTime,
            string s when target == typeof(DateTime) => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ when target == typeof(double) => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ when target == typeof(bool) => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}

/// <summary>How a bounded page on SQLite reaches the rows its field conditions select (PostgreSQL weighs this itself).</summary>
internal enum FieldsPlan
{
    /// <summary><c>Id IN (the matching index rows)</c>, the planner left to choose.</summary>
    Set,

    /// <summary>The list's index walked in its order, each row's own field values probed (EXISTS): every required value is common.</summary>
    Probe,

    /// <summary>The few rows a required value matches read by id and sorted, the type and flags kept from leading.</summary>
    Lead,
}
