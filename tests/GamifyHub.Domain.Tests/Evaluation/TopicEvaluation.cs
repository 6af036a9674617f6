using System.Globalization;
using System.Text;
using GamifyHub.Domain.Topics;

namespace GamifyHub.Domain.Tests.Evaluation;

/// <summary>Precision and recall of one topic over a labelled set.</summary>
public sealed record TopicScore(string Topic, int Support, int Predicted, int Hits)
{
    public double Precision => Predicted == 0 ? 0 : (double)Hits / Predicted;

    public double Recall => Support == 0 ? 0 : (double)Hits / Support;
}

/// <param name="Items">Labelled items; <paramref name="WithTopic"/> of them have at least one topic.</param>
/// <param name="Micro">All topics pooled (every item/topic pair counts once).</param>
public sealed record TopicReport(string Set, int Items, int WithTopic, TopicScore Micro, IReadOnlyList<TopicScore> Topics);

/// <summary>
/// Runs <see cref="TopicClassifier"/> with the default topics over the topic labels of the evaluation set. The labels say
/// what a support agent would file the comment under, written from the text, not from the keywords.
/// </summary>
public static class TopicEvaluation
{
    public static readonly Taxonomy Taxonomy = new(DefaultTaxonomy.Topics, []);

    public static TopicReport Evaluate(string set)
    {
        var items = ClassificationEvaluation.Load(set).Where(i => i.Topics is not null).ToList();
        var scores = DefaultTaxonomy.Topics.Select(t => t.Name).ToDictionary(t => t, t => (Support: 0, Predicted: 0, Hits: 0));
        foreach (var item in items)
        {
            var predicted = TopicClassifier.Classify(item.Text, Taxonomy).Topics;
            foreach (var topic in scores.Keys.ToList())
            {
                var expected = item.Topics!.Contains(topic);
                var got = predicted.Contains(topic);
                var (support, predictedCount, hits) = scores[topic];
                scores[topic] = (support + (expected ? 1 : 0), predictedCount + (got ? 1 : 0), hits + (expected && got ? 1 : 0));
            }
        }

        var topics = scores.Select(kv => new TopicScore(kv.Key, kv.Value.Support, kv.Value.Predicted, kv.Value.Hits)).ToList();
        var micro = new TopicScore("all", topics.Sum(t => t.Support), topics.Sum(t => t.Predicted), topics.Sum(t => t.Hits));
        return new TopicReport(set, items.Count, items.Count(i => i.Topics!.Count > 0), micro, topics);
    }

    /// <summary>Items whose predicted topics differ from their labels.</summary>
    public static IEnumerable<string> Misses(string set) =>
        ClassificationEvaluation.Load(set).Where(i => i.Topics is not null)
            .Select(i => (Item: i, Got: TopicClassifier.Classify(i.Text, Taxonomy).Topics))
            .Where(x => !x.Got.OrderBy(t => t, StringComparer.Ordinal).SequenceEqual(x.Item.Topics!.OrderBy(t => t, StringComparer.Ordinal)))
            .Select(x => $"{set}\t{string.Join('|', x.Item.Topics!)}\t{string.Join('|', x.Got)}\t{x.Item.Text}");

    /// <summary>The topic figures as the markdown table that docs/classification.md carries.</summary>
    public static string Markdown(IReadOnlyList<TopicReport> reports)
    {
        var s = new StringBuilder();
        s.Append("| topic |");
        foreach (var r in reports)
        {
            s.Append(CultureInfo.InvariantCulture, $" {r.Set}: items | {r.Set}: P / R |");
        }

        s.AppendLine().Append("|---|").AppendLine(string.Concat(reports.Select(_ => "---|---|")));
        foreach (var topic in DefaultTaxonomy.Topics.Select(t => t.Name).Append("all topics (micro)"))
        {
            s.Append(CultureInfo.InvariantCulture, $"| {topic} |");
            foreach (var r in reports)
            {
                var score = r.Topics.SingleOrDefault(t => t.Topic == topic) ?? r.Micro;
                var figures = score.Support == 0 && score.Predicted == 0 ? "–" : $"{Pct(score.Precision)} / {Pct(score.Recall)}";
                s.Append(CultureInfo.InvariantCulture, $" {score.Support} | {figures} |");
            }

            s.AppendLine();
        }

        return s.ToString();
    }

    private static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
