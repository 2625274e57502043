using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.GraphQL;
using OneDigital.Search.Documents;
using OneDigital.Web;

namespace OneDigital.Web.Tests.Fields;

/// <summary>
/// The compiler makes every <see cref="IFieldKindVisitor{T}"/> name every kind; this finds each implementation in
/// the src assemblies and checks its answers are real: no exception, an answer for every kind (none only where listed
/// below), and the handlers it gives back run on a field without a value.
/// </summary>
public class FieldKindCoverageTests
{
    private static readonly Assembly[] Sources =
        [typeof(FieldKind).Assembly, typeof(FieldMappings).Assembly, typeof(GraphQLOptions).Assembly, typeof(OneDigitalHost).Assembly,
         typeof(OneDigital.Admin.AdminServices).Assembly, typeof(OneDigital.Site.SiteServices).Assembly];

    /// <summary>The only answers that may be "none": kinds GraphQL's schema has no type for.</summary>
    private static readonly Dictionary<string, FieldKind[]> MayAnswerNull = new()
    {
        ["FieldGraphTypes"] = [FieldKind.LocalizationSetContentPicker],
    };

    private static readonly MethodInfo Accept = typeof(FieldKinds).GetMethod(nameof(FieldKinds.Accept))!;

    private static IEnumerable<Type> Visitors() =>
        Sources.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false } && VisitorInterface(t) is not null);

    private static Type? VisitorInterface(Type type) =>
        type.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFieldKindVisitor<>));

    [Test]
    public void Reflection_finds_the_names_and_the_five_layers_among_the_visitors()
    {
        Assert.That(Visitors().Select(t => t.Name), Is.SupersetOf(new[]
        {
            "OrchardNames", "KindChecks", "FieldIndexValues", "FieldMappings", "FieldGraphTypes", "ContentFilterInputs", "FieldEditors", "FieldViewValues",
        }));
    }

    [TestCaseSource(nameof(VisitorNames))]
    public void The_visitor_answers_every_kind(string visitorName)
    {
        var type = Visitors().Single(t => t.FullName == visitorName);
        var accept = Accept.MakeGenericMethod(VisitorInterface(type)!.GetGenericArguments()[0]);
        var visitor = Create(type);
        var mayAnswerNull = MayAnswerNull.GetValueOrDefault(type.Name, []);

        Assert.Multiple(() =>
        {
            foreach (var kind in FieldKinds.All)
            {
                var answer = accept.Invoke(null, [kind, visitor]);
                if (!mayAnswerNull.Contains(kind)) Assert.That(answer, Is.Not.Null, $"{type.Name} for {kind}");
                Run(answer, kind);
            }
        });
    }

    private static IEnumerable<string> VisitorNames() => Visitors().Select(t => t.FullName!).Order();

    /// <summary>Runs a handler a visitor gave back (and the handlers inside what it gave back) on an empty field.</summary>
    private static void Run(object? answer, FieldKind kind)
    {
        switch (answer)
        {
            case null or string:
                return;
            case Delegate handler:
                var parameters = handler.Method.GetParameters();
                var args = parameters.Select(p => Argument(p.ParameterType, kind)).ToArray();
                if (args.All(a => a is not null)) Run(handler.DynamicInvoke(args), kind);
                return;
            case IEnumerable values:
                foreach (var value in values)
                {
                    Assert.That(value, Is.Not.Null, kind.ToString());
                    Run(value, kind);
                }
                return;
        }
        if (answer.GetType().Namespace?.StartsWith("OneDigital.", StringComparison.Ordinal) == true)
        {
            foreach (var property in answer.GetType().GetProperties().Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)))
            {
                Run(property.GetValue(answer), kind);
            }
        }
    }

    private static object? Argument(Type type, FieldKind kind) =>
        type == typeof(JsonObject) ? new JsonObject()
        : type == typeof(ContentPartFieldDefinition) ? new ContentPartFieldDefinition { Name = "Field", FieldName = kind.Name() }
        : type == typeof(string) ? "Part"
        : null;

    /// <summary>A visitor, with whatever it is built from (a schema's build context, its definitions, options) made empty.</summary>
    private static object Create(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderBy(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Create(p.ParameterType))]);
    }
}
