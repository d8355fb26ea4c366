using Feed.Excerpts;
using Feed.Internal;
using Markdig;

namespace Feed.Tests.Excerpts;

/// <summary>The per-call collector: it applies the text rules as text arrives and stops once the cut is decided.</summary>
public sealed class TextCollectorTests
{
    private static readonly TextRules Rules = new("[Math]", "[Math]");

    [Fact]
    public void It_stops_once_length_plus_one_clusters_are_final()
    {
        TextCollector collector = TextCollector.Rent(clusterLimit: 6, detectDivider: false);
        try
        {
            collector.Append("abcde");
            collector.IsFull.ShouldBeFalse();
            collector.Append("fg");
            collector.IsFull.ShouldBeTrue(); // a..f are final once g has arrived
            collector.Append("more text that is ignored");
            collector.ToString().ShouldBe("abcdefg");
            collector.Stop.ShouldBeTrue();
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }

    [Fact]
    public void A_cluster_still_growing_is_not_counted()
    {
        TextCollector collector = TextCollector.Rent(clusterLimit: 2, detectDivider: false);
        try
        {
            collector.Append("e\u0301e");
            collector.Append("\u0301\u0301\u0301"); // the second e is still one cluster
            collector.IsFull.ShouldBeFalse();
            collector.Append("x");
            collector.IsFull.ShouldBeTrue();
            collector.ToString().ShouldBe("e\u0301e\u0301\u0301\u0301x");
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }

    [Fact]
    public void The_walker_reads_no_further_than_the_cut_needs()
    {
        string body = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"Paragraph number {i}.\n\n"));
        TextCollector collector = TextCollector.Rent(clusterLimit: 11, detectDivider: false);
        try
        {
            MarkdownTextWalker.Walk(Markdown.Parse(body, MarkdownPipelines.Default), collector, Rules);

            collector.ToString().ShouldBe("Paragraph nu"); // 11 final clusters and the one that closed the 11th
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }

    [Fact]
    public void Seeking_a_divider_keeps_walking_after_full_but_collects_nothing_more()
    {
        string body = string.Concat(Enumerable.Range(0, 100).Select(i => $"Paragraph {i}.\n\n")) + "<!--more-->\n\nEnd";
        TextCollector collector = TextCollector.Rent(clusterLimit: 5, detectDivider: true);
        try
        {
            MarkdownTextWalker.Walk(Markdown.Parse(body, MarkdownPipelines.Default), collector, Rules);

            collector.DividerFound.ShouldBeTrue();
            collector.ToString().ShouldBe("Paragr");
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }

    [Fact]
    public void Gaps_are_written_only_before_visible_text()
    {
        TextCollector collector = TextCollector.Rent(int.MaxValue, detectDivider: false);
        try
        {
            collector.Separator();
            collector.Append("  a ");
            collector.LineBreak();
            collector.Append("\t");
            collector.Separator();
            collector.Append("b");
            collector.Append(" \n ");

            collector.ToString().ShouldBe("a b");
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }

    [Fact]
    public void A_separator_between_cjk_characters_stays_a_space_and_a_line_break_does_not()
    {
        TextCollector collector = TextCollector.Rent(int.MaxValue, detectDivider: false);
        try
        {
            collector.Append("中");
            collector.LineBreak();
            collector.Append("文");
            collector.Separator();
            collector.Append("字");

            collector.ToString().ShouldBe("中文 字");
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }

    [Fact]
    public void No_space_follows_a_prepended_concatenation_mark()
    {
        TextCollector collector = TextCollector.Rent(int.MaxValue, detectDivider: false);
        try
        {
            collector.Append("\u0600");
            collector.CanEndHere().ShouldBeFalse(); // U+0600 joins whatever comes next
            collector.Append(" 1");

            collector.ToString().ShouldBe("\u06001");
            collector.CanEndHere().ShouldBeTrue();
        }
        finally
        {
            TextCollector.Return(collector);
        }
    }
}
