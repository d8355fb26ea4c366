namespace Feed.Tests.Conventions;

/// <summary>
/// Types that break (and keep) each convention rule, so <see cref="ConventionRuleSamplesTests"/> can show every rule
/// fails when it should and names the offender. Never used at run time.
/// </summary>
internal static class ConventionRuleSamples
{
    public const string Prefix = "Feed.Tests.Conventions.ConventionRuleSamples.";

    public class Unsealed;

    public sealed class Sealed;

    public abstract class Abstract
    {
        /// <summary>Visible to derived classes in other assemblies, so it counts as public surface.</summary>
        protected int ProtectedField = 1;

        protected Abstract() => ProtectedField++;
    }

    public static class Static;

    public sealed class AsyncMethods
    {
        public Task GoodAsync(int value, CancellationToken cancellationToken = default) => Task.FromResult(value);

        public Task<int> GoodGenericAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task NoTokenAsync() => Task.CompletedTask;

        public Task NoSuffix(CancellationToken cancellationToken) => Task.CompletedTask;

        public int NotATaskAsync(CancellationToken cancellationToken) => 0;

        public ValueTask TokenNotLastAsync(CancellationToken cancellationToken, int value) => ValueTask.CompletedTask;

        public ValueTask<int> TokenMisnamedAsync(CancellationToken ct) => ValueTask.FromResult(0);

        internal Task InternalIsNotSurface() => Task.CompletedTask;
    }

    public sealed record MutableRecord(string Positional)
    {
        public string Init { get; init; } = "";

        public string Settable { get; set; } = "";

        public string PrivateSetter { get; private set; } = "";

        public List<string> List { get; init; } = [];

        public string[] Array { get; init; } = [];

        public IReadOnlyList<string> ReadOnlyList { get; init; } = [];
    }

    public sealed class MutableClass
    {
        public int Settable { get; set; }

        public int Init { get; init; }

        public int GetOnly => Settable;
    }

    public sealed class SettableOptions
    {
        public int Settable { get; set; }

        public static int StaticValue => 1;
    }

    public sealed class Fields
    {
        public const int Constant = 1;

        public static readonly int StaticReadOnly = 1;

        public static int Static = 1;

        public int Instance = 1;

        public readonly int InstanceReadOnly = 1;

        internal int NotSurface = 1;
    }

    public enum Colour
    {
        Red,
        Green,
    }

    public sealed class Documented
    {
        public Documented(int value) => Value = value;

        public int Value { get; }

        public string? Blank { get; init; }

        public string? RemarksOnly { get; init; }

        public string? SeeOnly { get; init; }

        public string? Undocumented { get; init; }

        public bool TryFind<T>(IEnumerable<T?> items, Dictionary<string, int[]> map, out T? found)
        {
            found = items.FirstOrDefault();
            return map.Count > 0;
        }

        public DateTimeOffset? At(Func<T2, int> f) => null;

        public sealed class T2;
    }

    public sealed class ImplicitConstructor
    {
        public int Value => 1;
    }

    public sealed class DocumentedOptions
    {
        public int Good { get; set; }

        public int Required { get; set; }

        public int NoValue { get; set; }

        public int ValueWithoutDefault { get; set; }
    }
}
