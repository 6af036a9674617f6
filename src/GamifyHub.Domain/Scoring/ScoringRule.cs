namespace GamifyHub.Domain.Scoring;

/// <summary>
/// Points for one action type, in one category, when its conditions match. Every matching rule of an action
/// applies, so a bonus is simply a second rule (e.g. "reply" plus "reply within the SLA").
/// </summary>
/// <param name="Id">Stable id, recorded on every award it produces. Letters, digits, '-', '_' and '.' only.</param>
/// <param name="Points">Base points before multipliers, diminishing returns and caps; 0 switches the rule off.</param>
/// <param name="Reason">Why the points were given, in English (stored with every award).</param>
/// <param name="When">Conditions on the event and its item; null means always.</param>
/// <param name="Translations">The reason in other languages, by two-letter code (e.g. "de"); shown, never stored.</param>
public sealed record ScoringRule(
    string Id,
    ActionType Action,
    PointCategory Category,
    int Points,
    string Reason,
    RuleConditions? When = null,
    IReadOnlyDictionary<string, string>? Translations = null)
{
    /// <summary>The reason in <paramref name="language"/>, or the English one when there is no translation.</summary>
    public string ReasonIn(string language) =>
        Translations is not null && Translations.TryGetValue(language, out var text) ? text : Reason;
}
