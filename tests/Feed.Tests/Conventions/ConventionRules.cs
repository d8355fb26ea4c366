using System.Reflection;
using System.Xml.Linq;
using static Feed.Tests.Conventions.PublicSurface;

namespace Feed.Tests.Conventions;

/// <summary>
/// The house rules for the public surface, each a function from types to the list of what breaks it (empty when
/// all is well), so a test can run it over the Feed assembly and, to prove it can fail, over samples that break it.
/// </summary>
internal static class ConventionRules
{
    private static readonly Type[] MutableCollections =
    [
        typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(Dictionary<,>), typeof(IDictionary<,>),
        typeof(HashSet<>), typeof(ISet<>), typeof(Queue<>), typeof(Stack<>), typeof(System.Collections.ObjectModel.Collection<>),
    ];

    /// <summary>Seal by default (house style): a public class is sealed, abstract (a designed extension point) or static.</summary>
    public static IEnumerable<string> ClassesAreSealedAbstractOrStatic(IEnumerable<Type> types) =>
        from type in types
        where type.IsClass && !type.IsSealed && !type.IsAbstract // static = abstract + sealed in metadata
        select $"{Name(type)} is a public class that is neither sealed, abstract nor static.";

    /// <summary>
    /// An <c>…Async</c> method returns a task and takes a <see cref="CancellationToken"/> named
    /// <c>cancellationToken</c> last; a method that returns a task is named <c>…Async</c>.
    /// </summary>
    public static IEnumerable<string> AsyncMethodsFollowTheTaskPattern(IEnumerable<Type> types)
    {
        foreach (MethodInfo method in types.SelectMany(VisibleMembers).OfType<MethodInfo>())
        {
            bool named = method.Name.EndsWith("Async", StringComparison.Ordinal);
            bool returnsTask = IsTask(method.ReturnType);
            if (named && !returnsTask)
            {
                yield return $"{Name(method)} ends in Async but returns {method.ReturnType.Name}, not Task or ValueTask.";
            }

            if (!named && returnsTask)
            {
                yield return $"{Name(method)} returns {method.ReturnType.Name} but its name does not end in Async.";
            }

            if (named || returnsTask)
            {
                ParameterInfo? last = method.GetParameters().LastOrDefault();
                if (last is null || last.ParameterType != typeof(CancellationToken))
                {
                    yield return $"{Name(method)} is asynchronous but its last parameter is not a CancellationToken.";
                }
                else if (last.Name != "cancellationToken")
                {
                    yield return $"{Name(method)} names its CancellationToken '{last.Name}', not 'cancellationToken'.";
                }
            }
        }
    }

    /// <summary>
    /// Every visible type and member has a non-empty <c>&lt;summary&gt;</c> in the documentation file. CS1591 only
    /// asks for some doc comment, so a member with only <c>&lt;remarks&gt;</c> or <c>&lt;value&gt;</c> passes it.
    /// </summary>
    public static IEnumerable<string> EverythingHasASummary(IEnumerable<Type> types, IReadOnlyDictionary<string, XElement> docs)
    {
        foreach (Type type in types)
        {
            foreach (MemberInfo member in VisibleMembers(type).Prepend(type))
            {
                string id = DocId(member);
                // A class with no constructor gets a parameterless one from the compiler, which has no doc comment and
                // is described by the type's summary. A constructor written out has a doc entry (CS1591) and is checked.
                bool implicitConstructor = member is ConstructorInfo { IsStatic: false } ctor && ctor.GetParameters().Length == 0 && !docs.ContainsKey(id);
                if (!implicitConstructor && !HasSummary(docs, id))
                {
                    yield return docs.ContainsKey(id) ? $"{id} has a doc comment but no <summary>." : $"{id} has no doc comment.";
                }
            }
        }
    }

    /// <summary>
    /// Only options classes are mutable (house style): records and every other type have no visible setter except
    /// <c>init</c>, and a record exposes no mutable collection type.
    /// </summary>
    public static IEnumerable<string> OnlyOptionsAreMutable(IEnumerable<Type> types)
    {
        foreach (Type type in types.Where(type => type.IsClass || type.IsValueType))
        {
            bool record = IsRecord(type);
            if (IsOptions(type) && !record)
            {
                continue;
            }

            foreach (PropertyInfo property in VisibleMembers(type).OfType<PropertyInfo>())
            {
                if (property.SetMethod is { } setter && IsVisible(setter) && !IsInitOnly(setter))
                {
                    yield return $"{Name(property)} has a public setter; {(record ? "records" : "only *Options types")} may only use init.";
                }

                if (record && IsMutableCollection(property.PropertyType))
                {
                    yield return $"{Name(property)} exposes the mutable {property.PropertyType.Name}; records use IReadOnlyList/IReadOnlyDictionary.";
                }
            }
        }
    }

    /// <summary>A visible field is a constant or static readonly; everything else is a property.</summary>
    public static IEnumerable<string> FieldsAreConstOrStaticReadOnly(IEnumerable<Type> types) =>
        from type in types
        from field in VisibleMembers(type).OfType<FieldInfo>()
        where !field.IsLiteral && !(field.IsStatic && field.IsInitOnly)
        select $"{Name(field)} is a visible field that is not const or static readonly.";

    /// <summary>
    /// Every property of an options class says what its default is in a <c>&lt;value&gt;</c> ("The default value is
    /// …", or "Required; there is no default."), Polly style.
    /// </summary>
    public static IEnumerable<string> OptionsDocumentTheirDefaults(IEnumerable<Type> types, IReadOnlyDictionary<string, XElement> docs) =>
        from type in types
        where IsOptions(type)
        from property in VisibleMembers(type).OfType<PropertyInfo>()
        where !(property.GetMethod?.IsStatic ?? false)
        let value = docs.GetValueOrDefault(DocId(property))?.Element("value")
        where value is null || !value.Value.Contains("default", StringComparison.OrdinalIgnoreCase)
        select value is null
            ? $"{Name(property)} has no <value> documenting its default."
            : $"{Name(property)} has a <value> that does not state the default: \"{Squash(value.Value)}\".";

    public static bool IsOptions(Type type) => type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal);

    private static bool HasSummary(IReadOnlyDictionary<string, XElement> docs, string id) =>
        docs.TryGetValue(id, out XElement? doc) && doc.Element("summary") is { } summary
        && (!string.IsNullOrWhiteSpace(summary.Value) || summary.Elements().Any(e => e.Attributes().Any()));

    private static bool IsTask(Type type)
    {
        Type definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition == typeof(Task) || definition == typeof(Task<>) || definition == typeof(ValueTask) || definition == typeof(ValueTask<>);
    }

    private static bool IsMutableCollection(Type type) =>
        type.IsArray || (type.IsGenericType && MutableCollections.Contains(type.GetGenericTypeDefinition()));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
