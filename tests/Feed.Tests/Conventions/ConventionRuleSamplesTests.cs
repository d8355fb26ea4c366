using System.Xml.Linq;
using static Feed.Tests.Conventions.ConventionRuleSamples;

namespace Feed.Tests.Conventions;

/// <summary>Each convention rule fails on a sample that breaks it, names the offender, and leaves alone what keeps it.</summary>
public sealed class ConventionRuleSamplesTests
{
    // What the compiler would write for the Documented and DocumentedOptions samples (the test project writes no doc file).
    private static readonly IReadOnlyDictionary<string, XElement> SampleDocs = PublicSurface.ReadDocs(XDocument.Parse($$"""
        <doc><members>
          <member name="T:{{Prefix}}Documented"><summary>A sample.</summary></member>
          <member name="M:{{Prefix}}Documented.#ctor(System.Int32)"><summary>Makes one.</summary></member>
          <member name="P:{{Prefix}}Documented.Value"><summary>The value.</summary></member>
          <member name="P:{{Prefix}}Documented.Blank"><summary>   </summary></member>
          <member name="P:{{Prefix}}Documented.RemarksOnly"><remarks>CS1591 is happy with this.</remarks></member>
          <member name="P:{{Prefix}}Documented.SeeOnly"><summary><see cref="P:{{Prefix}}Documented.Value"/></summary></member>
          <member name="M:{{Prefix}}Documented.TryFind``1(System.Collections.Generic.IEnumerable{``0},System.Collections.Generic.Dictionary{System.String,System.Int32[]},``0@)"><summary>Generic.</summary></member>
          <member name="M:{{Prefix}}Documented.At(System.Func{{{Prefix}}Documented.T2,System.Int32})"><summary>Nested.</summary></member>
          <member name="T:{{Prefix}}Documented.T2"><summary>Nested type.</summary></member>
          <member name="T:{{Prefix}}ImplicitConstructor"><summary>No constructor written.</summary></member>
          <member name="P:{{Prefix}}ImplicitConstructor.Value"><summary>One.</summary></member>
          <member name="T:{{Prefix}}DocumentedOptions"><summary>Options.</summary></member>
          <member name="P:{{Prefix}}DocumentedOptions.Good"><summary>Good.</summary><value>The default value is 0.</value></member>
          <member name="P:{{Prefix}}DocumentedOptions.Required"><summary>Required.</summary><value>Required; there is no default.</value></member>
          <member name="P:{{Prefix}}DocumentedOptions.NoValue"><summary>No value.</summary></member>
          <member name="P:{{Prefix}}DocumentedOptions.ValueWithoutDefault"><summary>Vague.</summary><value>Some number.</value></member>
        </members></doc>
        """));

    [Fact]
    public void Sealed_rule_flags_only_the_unsealed_class() =>
        ConventionRules.ClassesAreSealedAbstractOrStatic([typeof(Unsealed), typeof(Sealed), typeof(Abstract), typeof(Static), typeof(Colour), typeof(MutableRecord)])
            .ShouldBe([$"{Prefix}Unsealed is a public class that is neither sealed, abstract nor static."]);

    [Fact]
    public void Async_rule_flags_each_broken_method() =>
        ConventionRules.AsyncMethodsFollowTheTaskPattern([typeof(AsyncMethods)]).ShouldBe(
            [
                $"{Prefix}AsyncMethods.NoSuffix returns Task but its name does not end in Async.",
                $"{Prefix}AsyncMethods.NotATaskAsync ends in Async but returns Int32, not Task or ValueTask.",
                $"{Prefix}AsyncMethods.NoTokenAsync is asynchronous but its last parameter is not a CancellationToken.",
                $"{Prefix}AsyncMethods.TokenMisnamedAsync names its CancellationToken 'ct', not 'cancellationToken'.",
                $"{Prefix}AsyncMethods.TokenNotLastAsync is asynchronous but its last parameter is not a CancellationToken.",
            ],
            ignoreOrder: true);

    [Fact]
    public void Docs_rule_flags_missing_blank_and_summaryless_docs_but_not_implicit_constructors()
    {
        ConventionRules.EverythingHasASummary([typeof(Documented), typeof(Documented.T2), typeof(ImplicitConstructor)], SampleDocs).ShouldBe(
            [
                $"P:{Prefix}Documented.Blank has a doc comment but no <summary>.",
                $"P:{Prefix}Documented.RemarksOnly has a doc comment but no <summary>.",
                $"P:{Prefix}Documented.Undocumented has no doc comment.",
            ],
            ignoreOrder: true);

        // A type missing from the file is reported too.
        ConventionRules.EverythingHasASummary([typeof(Sealed)], SampleDocs).ShouldBe([$"T:{Prefix}Sealed has no doc comment."]);
    }

    [Fact]
    public void Doc_ids_match_what_the_compiler_writes_for_feed_members()
    {
        // Ids taken from Feed.xml: a generic method, a method with an out parameter, a nullable value type.
        PublicSurface.DocId(typeof(Microsoft.Extensions.DependencyInjection.FeedServiceCollectionExtensions).GetMethods()
                .Single(m => m.Name == "AddFeed" && m.GetParameters().Length == 2))
            .ShouldBe("M:Microsoft.Extensions.DependencyInjection.FeedServiceCollectionExtensions.AddFeed``1(Microsoft.Extensions.DependencyInjection.IServiceCollection,System.Func{``0,Feed.FeedPost})");
        PublicSurface.DocId(typeof(FeedPaging).GetMethod("TryGetPage")!)
            .ShouldBe("M:Feed.FeedPaging.TryGetPage(System.Int32,System.Int32,Feed.FeedPage@)");
        PublicSurface.DocId(typeof(FeedOptions).GetProperty(nameof(FeedOptions.EmptyFeedUpdated))!)
            .ShouldBe("P:Feed.FeedOptions.EmptyFeedUpdated");
        PublicSurface.FeedDocs.ShouldContainKey("M:Feed.FeedPaging.TryGetPage(System.Int32,System.Int32,Feed.FeedPage@)");
    }

    [Fact]
    public void Immutability_rule_flags_setters_and_mutable_collections_but_not_options() =>
        ConventionRules.OnlyOptionsAreMutable([typeof(MutableRecord), typeof(MutableClass), typeof(SettableOptions)]).ShouldBe(
            [
                $"{Prefix}MutableRecord.Settable has a public setter; records may only use init.",
                $"{Prefix}MutableRecord.List exposes the mutable List`1; records use IReadOnlyList/IReadOnlyDictionary.",
                $"{Prefix}MutableRecord.Array exposes the mutable String[]; records use IReadOnlyList/IReadOnlyDictionary.",
                $"{Prefix}MutableClass.Settable has a public setter; only *Options types may only use init.",
            ],
            ignoreOrder: true);

    [Fact]
    public void Field_rule_flags_mutable_and_instance_fields() =>
        ConventionRules.FieldsAreConstOrStaticReadOnly([typeof(Fields), typeof(Abstract), typeof(Colour)]).ShouldBe(
            [
                $"{Prefix}Fields.Static is a visible field that is not const or static readonly.",
                $"{Prefix}Fields.Instance is a visible field that is not const or static readonly.",
                $"{Prefix}Fields.InstanceReadOnly is a visible field that is not const or static readonly.",
                $"{Prefix}Abstract.ProtectedField is a visible field that is not const or static readonly.",
            ],
            ignoreOrder: true);

    [Fact]
    public void Options_rule_flags_a_missing_or_vague_value() =>
        ConventionRules.OptionsDocumentTheirDefaults([typeof(DocumentedOptions), typeof(Documented)], SampleDocs).ShouldBe(
            [
                $"{Prefix}DocumentedOptions.NoValue has no <value> documenting its default.",
                $"{Prefix}DocumentedOptions.ValueWithoutDefault has a <value> that does not state the default: \"Some number.\".",
            ],
            ignoreOrder: true);
}
