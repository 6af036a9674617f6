using Xunit.Abstractions;

namespace GamifyHub.Domain.Tests.Evaluation;

/// <summary>
/// Topic precision and recall of the default taxonomy over the topic-labelled evaluation set; floors sit just under the
/// figures in docs/classification.md. GAMIFYHUB_EVAL_REPORT=/path writes the table to /path.topics.md.
/// </summary>
public class TopicAccuracyTests(ITestOutputHelper output)
{
    private static readonly string[] Sets = ["en", "de", "en.holdout", "de.holdout"];

    [Theory]
    [InlineData("en", 200)]
    [InlineData("de", 200)]
    [InlineData("en.holdout", 50)]
    [InlineData("de.holdout", 50)]
    public void EveryItemHasTopicLabelsFromTheDefaultTaxonomy(string set, int atLeast)
    {
        var items = ClassificationEvaluation.Load(set);
        Assert.True(items.Count >= atLeast, $"{set}: only {items.Count} items");
        Assert.All(items, i => Assert.NotNull(i.Topics));
        var known = TopicEvaluation.Taxonomy.Topics.Select(t => t.Name).ToHashSet();
        Assert.All(items.SelectMany(i => i.Topics!), t => Assert.Contains(t, known));
        foreach (var topic in atLeast < 200 ? [] : known)
        {
            Assert.True(items.Count(i => i.Topics!.Contains(topic)) >= 3, $"{set}/{topic}: fewer than 3 labelled items");
        }
    }

    [Theory]
    [InlineData("en", 0.85, 0.73)]
    [InlineData("de", 0.88, 0.68)]
    [InlineData("en.holdout", 0.72, 0.22)]
    [InlineData("de.holdout", 0.85, 0.27)]
    public void TopicPrecisionAndRecallStayAboveTheMeasuredFloor(string set, double precisionFloor, double recallFloor)
    {
        var report = TopicEvaluation.Evaluate(set);
        output.WriteLine(TopicEvaluation.Markdown([report]));

        Assert.True(report.Micro.Precision >= precisionFloor, $"{set}: topic precision {report.Micro.Precision:P1} < {precisionFloor:P0}");
        Assert.True(report.Micro.Recall >= recallFloor, $"{set}: topic recall {report.Micro.Recall:P1} < {recallFloor:P0}");
    }

    [Fact]
    public void WritesTheTopicReportWhenAsked()
    {
        var markdown = TopicEvaluation.Markdown([.. Sets.Select(TopicEvaluation.Evaluate)]);
        output.WriteLine(markdown);
        if (Environment.GetEnvironmentVariable("GAMIFYHUB_EVAL_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path + ".topics.md", markdown);
            File.WriteAllLines(path + ".topics.misses.tsv", Sets.SelectMany(TopicEvaluation.Misses));
        }

        Assert.Contains("| Billing |", markdown, StringComparison.Ordinal);
    }
}
