using System.Globalization;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Texts;

/// <summary>
/// The fixed phrases scoring adds to a rule's reason (multipliers, diminishing returns, caps, shared credit, clawbacks),
/// per language. Scoring writes the English ones into award lines; <see cref="ReasonLocalizer"/> renders those lines in
/// another language from the same table, so the two can never drift apart.
/// </summary>
public sealed class ReasonPhrases
{
    public static ReasonPhrases English { get; } = new(
        firstResponder: "first responder",
        negativeResolved: "negative feedback turned round",
        diminished: " (diminishing returns)",
        capReached: c => $" (daily {c} cap reached)",
        sharedOut: n => $" ({n} shared with the colleagues who forwarded it)",
        sharedInsight: "Shared credit: you forwarded feedback that then became a product insight",
        sharedResolve: "Shared credit: you forwarded feedback that was then resolved",
        clawback: "Resolution reopened: points returned");

    public static ReasonPhrases German { get; } = new(
        firstResponder: "erste Antwort",
        negativeResolved: "negatives Feedback ins Positive gewendet",
        diminished: " (abnehmender Ertrag)",
        capReached: c => $" (Tageslimit {CategoryName(c, Language.German)} erreicht)",
        sharedOut: n => $" ({n} davon geteilt mit den Kolleginnen und Kollegen, die es weitergeleitet haben)",
        sharedInsight: "Geteilte Punkte: Sie haben Feedback weitergeleitet, das zu einer Produkterkenntnis wurde",
        sharedResolve: "Geteilte Punkte: Sie haben Feedback weitergeleitet, das danach gelöst wurde",
        clawback: "Lösung wieder geöffnet: Punkte zurückgebucht");

    private readonly string _firstResponder;
    private readonly string _negativeResolved;
    private readonly Func<PointCategory, string> _capReached;
    private readonly Func<int, string> _sharedOut;

    private ReasonPhrases(string firstResponder, string negativeResolved, string diminished, Func<PointCategory, string> capReached,
        Func<int, string> sharedOut, string sharedInsight, string sharedResolve, string clawback)
    {
        _sharedOut = sharedOut;
        _firstResponder = firstResponder;
        _negativeResolved = negativeResolved;
        Diminished = diminished;
        _capReached = capReached;
        SharedInsight = sharedInsight;
        SharedResolve = sharedResolve;
        Clawback = clawback;
    }

    public static ReasonPhrases For(string language) => language == Language.German ? German : English;

    public string Diminished { get; }

    public string SharedInsight { get; }

    public string SharedResolve { get; }

    public string Clawback { get; }

    public string CapReached(PointCategory category) => _capReached(category);

    /// <summary>Added to the actor's line when part of its points went to the colleagues who forwarded the item.</summary>
    public string SharedOut(int points) => _sharedOut(points);

    /// <summary>The multiplier phrase scoring appends to a reply (first responder) or resolve (negative resolved) reason.</summary>
    public string Multiplied(ActionType action, decimal multiplier) =>
        $" ×{multiplier.ToString("0.##", CultureInfo.InvariantCulture)} {(action == ActionType.Reply ? _firstResponder : _negativeResolved)}";

    public static string CategoryName(PointCategory category, string language) => (language, category) switch
    {
        (Language.German, PointCategory.Listening) => "Zuhören",
        (Language.German, PointCategory.Responding) => "Antworten",
        (Language.German, PointCategory.Insight) => "Erkenntnisse",
        (Language.German, PointCategory.Collaboration) => "Zusammenarbeit",
        _ => category.ToString(),
    };
}
