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

    /// <summary>
    /// Points, however many award lines they came from, as one notification: "+12 points" and the reasons, each once, with how
    /// often it counted ("Replied to a customer ×2; First responder").
    /// </summary>
    /// <param name="type">award, shared-credit or clawback.</param>
    public static LiveNotification Points(Guid id, string type, IReadOnlyList<AwardView> awards, RuleSet rules, DateTime occurredAt)
    {
        var points = awards.Sum(a => a.Points);
        return Build(id, type, points, occurredAt, language =>
        {
            var reasons = awards.Select(a => ReasonLocalizer.Localize(a.Reason, a.Rule, rules, language))
                .CountBy(r => r, StringComparer.Ordinal)
                .Select(r => r.Value > 1 ? $"{r.Key} ×{r.Value}" : r.Key);
            return new NotificationText(PointsTitle(points, language), string.Join("; ", reasons));
        });
    }

    /// <summary>"+12 points", "+1 point", "-3 Punkte", "+1 Punkt".</summary>
    public static string PointsTitle(int points, string language)
    {
        var signed = points.ToString("+#;-#;0", CultureInfo.InvariantCulture);
        var one = Math.Abs(points) == 1;
        return language == Language.German ? $"{signed} {(one ? "Punkt" : "Punkte")}" : $"{signed} {(one ? "point" : "points")}";
    }

    /// <param name="firstResponse">The first-response clock breached (otherwise the resolution clock).</param>
    /// <param name="priority">The item's priority as its wire name: high, normal or low.</param>
    public static LiveNotification SlaBreach(Guid noticeId, bool firstResponse, string priority, string channel, DateTime occurredAt) =>
        Build(noticeId, "sla-breach", 0, occurredAt, language => language == Language.German
            ? new NotificationText(firstResponse ? "Erstreaktion überfällig" : "Lösung überfällig",
                $"Ein Feedback mit {GermanPriority(priority)} Priorität von {channel} hat sein Ziel für die "
                + (firstResponse ? "erste Antwort" : "Lösung") + " überschritten.")
            : new NotificationText(firstResponse ? "First response overdue" : "Resolution overdue",
                $"A {priority}-priority feedback item from {channel} is past its {(firstResponse ? "first-response" : "resolution")} target."));

    public static LiveNotification ChallengeStarted(string name, DateTime occurredAt) => Build(Guid.CreateVersion7(), "challenge-started", 0,
        occurredAt, language => language == Language.German
            ? new NotificationText("Challenge gestartet", $"„{name}“ hat begonnen. Viel Erfolg!")
            : new NotificationText("Challenge started", $"\"{name}\" has started. Good luck!"));

    public static LiveNotification ChallengeEndingSoon(string name, DateTimeOffset endsAt, DateTime occurredAt)
    {
        var minutes = Math.Max(1, (int)Math.Round((endsAt.UtcDateTime - occurredAt).TotalMinutes));
        return Build(Guid.CreateVersion7(), "challenge-ending-soon", 0, occurredAt, language => language == Language.German
            ? new NotificationText("Challenge endet bald", $"„{name}“ endet in {minutes} Minuten.")
            : new NotificationText("Challenge ending soon", $"\"{name}\" ends in {minutes} minutes."));
    }

    /// <param name="badge">The badge the reward carries, if any.</param>
    /// <param name="noticeId">The notification's own id (not the reward's event id: that one names the award).</param>
    public static LiveNotification ChallengeCompleted(Guid noticeId, string name, int points, string? badge, DateTime occurredAt) =>
        Build(noticeId, "challenge-completed", points, occurredAt, language =>
        {
            var german = language == Language.German;
            var parts = new List<string>();
            if (points > 0)
            {
                parts.Add(PointsTitle(points, language));
            }

            if (badge is not null)
            {
                parts.Add(german ? $"Abzeichen „{badge}“" : $"the badge \"{badge}\"");
            }

            var reward = string.Join(german ? " und " : " and ", parts);
            return german
                ? new NotificationText("Challenge geschafft", $"Sie haben „{name}“ geschafft: {reward}.")
                : new NotificationText("Challenge completed", $"You completed \"{name}\": {reward}.");
        });

    /// <summary>A colleague thanked the employee for their work on a feedback item.</summary>
    public static LiveNotification Kudos(Guid kudosId, string giverName, string? message, int points, DateTime occurredAt) =>
        Build(kudosId, NotificationTypes.Kudos, points, occurredAt, language => language == Language.German
            ? new NotificationText($"{giverName} sagt Danke", message ?? $"{giverName} hat sich für Ihre Arbeit an einem Feedback bedankt.")
            : new NotificationText($"{giverName} says thanks", message ?? $"{giverName} thanked you for your work on a feedback item."));

    /// <summary>The employee moved into the top <paramref name="top"/> of a board (e.g. the employees' week board).</summary>
    public static LiveNotification EnteredTop(int top, int rank, string window, DateTime occurredAt) =>
        Build(Guid.CreateVersion7(), NotificationTypes.TopN, 0, occurredAt, language => language == Language.German
            ? new NotificationText($"In den Top {top}", $"Sie sind auf Platz {rank} der Bestenliste ({GermanWindow(window)}).")
            : new NotificationText($"Into the top {top}", $"You are number {rank} on this {window}'s board."));

    /// <summary>A high-priority feedback item was routed to the employee's department.</summary>
    public static LiveNotification HighPriority(Guid feedbackId, string channel, string excerpt, DateTime occurredAt) =>
        Build(feedbackId, NotificationTypes.HighPriority, 0, occurredAt, language => language == Language.German
            ? new NotificationText($"Dringendes Feedback von {channel}", excerpt)
            : new NotificationText($"High-priority feedback from {channel}", excerpt));

    private static string GermanWindow(string window) => window switch
    {
        "day" => "Tag",
        "week" => "Woche",
        "month" => "Monat",
        "quarter" => "Quartal",
        _ => window,
    };

    private static string GermanPriority(string priority) => priority switch
    {
        "high" => "hoher",
        "low" => "niedriger",
        _ => "normaler",
    };

    private static LiveNotification Build(Guid id, string type, int points, DateTime occurredAt, Func<string, NotificationText> textIn)
    {
        var english = textIn(Language.English);
        return new LiveNotification(id, type, english.Title, english.Message, points, occurredAt,
            Others.ToDictionary(l => l, textIn).AsReadOnly());
    }
}
