using System.Globalization;
using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Texts;

namespace GamifyHub.Grains.Live;

/// <summary>The words of personal notifications, in English and every translation language.</summary>
public static class NotificationTexts
{
    private static readonly string[] Others = [.. Language.Supported.Where(l => l != Language.English)];

    public static LiveNotification LevelUp(int level, DateTime occurredAt) => Build(Guid.CreateVersion7(), "level-up", 0, occurredAt,
        language => language == Language.German
            ? new NotificationText($"Level {level}", $"Sie haben Level {level} erreicht.")
            : new NotificationText($"Level {level}", $"You reached level {level}."));

    public static LiveNotification Badge(BadgeDefinition badge, DateTime occurredAt) => Build(Guid.CreateVersion7(), "badge", 0, occurredAt,
        language =>
        {
            var text = badge.TextIn(language);
            return new NotificationText(text.Name, text.Description);
        });

    /// <param name="type">award, shared-credit or clawback.</param>
    public static LiveNotification Points(Guid eventId, string type, IReadOnlyList<AwardView> awards, RuleSet rules, DateTime occurredAt)
    {
        var points = awards.Sum(a => a.Points);
        return Build(eventId, type, points, occurredAt, language =>
        {
            var signed = points.ToString("+#;-#;0", CultureInfo.InvariantCulture);
            var title = language == Language.German ? $"{signed} Punkte" : $"{signed} points";
            var reasons = string.Join("; ", awards.Select(a => ReasonLocalizer.Localize(a.Reason, a.Rule, rules, language)));
            return new NotificationText(title, reasons);
        });
    }

    private static LiveNotification Build(Guid id, string type, int points, DateTime occurredAt, Func<string, NotificationText> textIn)
    {
        var english = textIn(Language.English);
        return new LiveNotification(id, type, english.Title, english.Message, points, occurredAt,
            Others.ToDictionary(l => l, textIn).AsReadOnly());
    }
}
