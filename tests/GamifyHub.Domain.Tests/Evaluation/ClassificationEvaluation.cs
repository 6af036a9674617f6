using System.Globalization;
using System.Text;
using System.Text.Json;
using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Tests.Evaluation;

/// <summary>One labelled comment of the project's own evaluation set.</summary>
/// <param name="Topics">The default taxonomy's topics the comment is about (empty: none of them); null where not labelled (the holdout sets).</param>
public sealed record LabelledComment(string Lang, string Sentiment, string Channel, string Text, IReadOnlyList<string>? Topics = null);

/// <summary>Precision and recall of one sentiment class.</summary>
public sealed record ClassScore(Sentiment Class, int Support, double Precision, double Recall);

/// <summary>The figures for one language: detection accuracy and sentiment accuracy with per-class scores.</summary>
public sealed record LanguageReport(string Language, int Count, double LanguageAccuracy, int Undetermined,
    double SentimentAccuracy, IReadOnlyList<ClassScore> Classes);

/// <summary>Runs the classifiers over the labelled set (shipped next to the tests) and computes the figures.</summary>
public static class ClassificationEvaluation
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Loads a set by name: "en", "de" (the tuning sets) or "en.holdout", "de.holdout" (never tuned on).</summary>
    public static IReadOnlyList<LabelledComment> Load(string set)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Evaluation", set + ".jsonl");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LabelledComment>(l, Json)!)];
    }

    public static Sentiment ParseSentiment(string label) => label switch
    {
        "positive" => Sentiment.Positive,
        "negative" => Sentiment.Negative,
        "neutral" => Sentiment.Neutral,
        _ => throw new FormatException($"Unknown sentiment label '{label}'."),
    };

    public static LanguageReport Evaluate(string set)
    {
        var items = Load(set);
        var languageHits = 0;
        var undetermined = 0;
        var sentimentHits = 0;
        var confusion = new Dictionary<(Sentiment Expected, Sentiment Actual), int>();
        foreach (var item in items)
        {
            var detected = LanguageDetector.Detect(item.Text);
            languageHits += detected == item.Lang ? 1 : 0;
            undetermined += detected == "und" ? 1 : 0;
            var expected = ParseSentiment(item.Sentiment);
            var actual = SentimentAnalyzer.Classify(item.Text);
            sentimentHits += expected == actual ? 1 : 0;
            confusion[(expected, actual)] = confusion.GetValueOrDefault((expected, actual)) + 1;
        }

        var classes = Enum.GetValues<Sentiment>().Select(c =>
        {
            var truePositives = confusion.GetValueOrDefault((c, c));
            var predicted = confusion.Where(kv => kv.Key.Actual == c).Sum(kv => kv.Value);
            var support = confusion.Where(kv => kv.Key.Expected == c).Sum(kv => kv.Value);
            return new ClassScore(c, support, Ratio(truePositives, predicted), Ratio(truePositives, support));
        }).ToList();

        return new LanguageReport(set, items.Count, Ratio(languageHits, items.Count), undetermined,
            Ratio(sentimentHits, items.Count), classes);
    }

    /// <summary>The items the classifiers get wrong, for looking into weaknesses.</summary>
    public static IEnumerable<string> Misses(string set) =>
        Load(set).Select(i => (Item: i, Language: LanguageDetector.Detect(i.Text), Score: SentimentAnalyzer.Score(i.Text)))
            .Where(x => x.Language != x.Item.Lang || ParseSentiment(x.Item.Sentiment) != SentimentAnalyzer.Classify(x.Item.Text))
            .Select(x => $"{x.Item.Sentiment}\t{x.Score}\t{x.Language}\t{x.Item.Text}");

    /// <summary>The figures as the markdown table that docs/classification.md carries.</summary>
    public static string Markdown(IEnumerable<LanguageReport> reports)
    {
        var s = new StringBuilder();
        s.AppendLine("| set | items | language detected | undetermined | sentiment accuracy | positive P / R | neutral P / R | negative P / R |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
        {
            string Pr(Sentiment c)
            {
                var score = r.Classes.Single(x => x.Class == c);
                return $"{Pct(score.Precision)} / {Pct(score.Recall)}";
            }

            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Language} | {r.Count} | {Pct(r.LanguageAccuracy)} | {r.Undetermined} | {Pct(r.SentimentAccuracy)} | {Pr(Sentiment.Positive)} | {Pr(Sentiment.Neutral)} | {Pr(Sentiment.Negative)} |");
        }

        return s.ToString();
    }

    private static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
