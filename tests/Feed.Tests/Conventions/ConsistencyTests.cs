using static Feed.Tests.Conventions.PublicSurface;

namespace Feed.Tests.Conventions;

/// <summary>
/// The house rules, checked by reflection over every public type of the Feed assembly (NodaTime's ConsistencyTest).
/// Each failure lists every offender. <see cref="ConventionRuleSamplesTests"/> shows each rule catches what it should.
/// </summary>
public sealed class ConsistencyTests
{
    [Fact]
    public void Surface_under_test_is_the_whole_public_api()
    {
        // The rules below pass vacuously on an empty list; make sure reflection sees the surface we ship.
        FeedTypes.ShouldContain(typeof(FeedGenerator));
        FeedTypes.ShouldContain(typeof(FeedOptions));
        FeedTypes.ShouldContain(typeof(Microsoft.Extensions.DependencyInjection.FeedServiceCollectionExtensions));
        FeedTypes.ShouldNotContain(type => type.Namespace == "Feed.Internal");
        FeedTypes.Count(IsRecord).ShouldBeGreaterThan(3);
        FeedTypes.Count(ConventionRules.IsOptions).ShouldBe(2);
    }

    [Fact]
    public void Public_classes_are_sealed_abstract_or_static() =>
        ConventionRules.ClassesAreSealedAbstractOrStatic(FeedTypes).ShouldBeEmpty();

    [Fact]
    public void Async_methods_return_a_task_and_take_a_cancellation_token_last() =>
        ConventionRules.AsyncMethodsFollowTheTaskPattern(FeedTypes).ShouldBeEmpty();

    [Fact]
    public void Every_public_type_and_member_has_a_summary() =>
        ConventionRules.EverythingHasASummary(FeedTypes, FeedDocs).ShouldBeEmpty();

    [Fact]
    public void Records_and_other_non_options_types_are_immutable() =>
        ConventionRules.OnlyOptionsAreMutable(FeedTypes).ShouldBeEmpty();

    [Fact]
    public void Public_fields_are_const_or_static_readonly() =>
        ConventionRules.FieldsAreConstOrStaticReadOnly(FeedTypes).ShouldBeEmpty();

    [Fact]
    public void Options_document_their_defaults() =>
        ConventionRules.OptionsDocumentTheirDefaults(FeedTypes, FeedDocs).ShouldBeEmpty();
}
