using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace Feed.Tests.Conventions;

/// <summary>
/// What the convention rules look at: the types and members another assembly can see (public, or protected on an
/// unsealed public type), and the XML documentation the compiler wrote for them.
/// </summary>
internal static class PublicSurface
{
    public const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static Assembly FeedAssembly => typeof(FeedGenerator).Assembly;

    /// <summary>Every type of the Feed assembly that other assemblies can see (nested ones included), in a stable order.</summary>
    public static IReadOnlyList<Type> FeedTypes { get; } =
        [.. FeedAssembly.GetTypes().Where(type => type.IsVisible).OrderBy(Name, StringComparer.Ordinal)];

    /// <summary>The documentation file next to the Feed assembly (GenerateDocumentationFile), by member id.</summary>
    public static IReadOnlyDictionary<string, XElement> FeedDocs => LazyDocs.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, XElement>> LazyDocs = new(() =>
    {
        string path = Path.ChangeExtension(FeedAssembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: src/Feed must build with GenerateDocumentationFile.");
        }

        return ReadDocs(XDocument.Load(path));
    });

    public static IReadOnlyDictionary<string, XElement> ReadDocs(XDocument docs) =>
        docs.Descendants("member").ToDictionary(member => (string)member.Attribute("name")!, StringComparer.Ordinal);

    /// <summary>The members declared on <paramref name="type"/> that other assemblies can see, minus what the compiler wrote (record equality, accessors).</summary>
    public static IEnumerable<MemberInfo> VisibleMembers(Type type) =>
        type.GetMembers(Declared)
            .Where(member => member is not Type) // nested types are checked as types
            .Where(IsVisible)
            .Where(member => !member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .Where(member => !IsAccessor(member))
            .Where(member => member is not FieldInfo { IsSpecialName: true }) // an enum's value__
            .OrderBy(DocId, StringComparer.Ordinal);

    public static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    /// <summary>True for a setter that only an object initializer can call (<c>init</c>).</summary>
    public static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>A record: the compiler gives every record class a <c>&lt;Clone&gt;$</c> method.</summary>
    public static bool IsRecord(Type type) => type.IsClass && type.GetMethod("<Clone>$", Declared) is not null;

    public static string Name(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    public static string Name(MemberInfo member) => member is Type type ? Name(type) : $"{Name(member.DeclaringType!)}.{member.Name}";

    /// <summary>The id the C# compiler gives <paramref name="member"/> in the documentation file (ECMA-334 annex D).</summary>
    public static string DocId(MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                return "T:" + Name(type);
            case FieldInfo field:
                return $"F:{Name(field.DeclaringType!)}.{field.Name}";
            case EventInfo @event:
                return $"E:{Name(@event.DeclaringType!)}.{@event.Name}";
            case PropertyInfo property:
                return $"P:{Name(property.DeclaringType!)}.{property.Name}{Parameters(property.GetIndexParameters())}";
            case MethodBase method:
                var id = new StringBuilder("M:").Append(Name(method.DeclaringType!)).Append('.');
                id.Append(method.IsConstructor ? (method.IsStatic ? "#cctor" : "#ctor") : method.Name);
                if (method.IsGenericMethodDefinition)
                {
                    id.Append("``").Append(method.GetGenericArguments().Length);
                }

                id.Append(Parameters(method.GetParameters()));
                if (method is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion)
                {
                    id.Append('~').Append(TypeId(conversion.ReturnType));
                }

                return id.ToString();
            default:
                throw new NotSupportedException($"No documentation id for {member.MemberType} {member.Name}.");
        }
    }

    private static bool IsAccessor(MemberInfo member) =>
        member is MethodInfo method && method.IsSpecialName && method.DeclaringType!
            .GetProperties(Declared).SelectMany(p => p.GetAccessors(nonPublic: true))
            .Concat(method.DeclaringType!.GetEvents(Declared).SelectMany(e => new[] { e.AddMethod, e.RemoveMethod, e.RaiseMethod }))
            .Contains(method);

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : $"({string.Join(",", parameters.Select(p => TypeId(p.ParameterType)))})";

    private static string TypeId(Type type)
    {
        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return TypeId(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return TypeId(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            return TypeId(type.GetElementType()!) + (type.GetArrayRank() == 1 ? "[]" : $"[{string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank()))}]");
        }

        if (type.IsGenericType)
        {
            string definition = Name(type.GetGenericTypeDefinition());
            string withoutArity = definition[..definition.LastIndexOf('`')];
            return $"{withoutArity}{{{string.Join(",", type.GetGenericArguments().Select(TypeId))}}}";
        }

        return Name(type);
    }
}
