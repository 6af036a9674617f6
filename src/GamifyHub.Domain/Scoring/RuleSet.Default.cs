using GamifyHub.Domain.Badges;
using static GamifyHub.Domain.Badges.BadgeCriterion;

namespace GamifyHub.Domain.Scoring;

public sealed partial record RuleSet
{
    /// <summary>
    /// Version 1: today's points for the plain cases (a first reply still earns 10 = 5 × 2), plus limits, levels and
    /// badges a works council can sign off on. Companies start here and publish new versions. Outcome-weighted: a resolve
    /// pays "closed the loop" only when the customer got an answer on the item (a reply by anyone before it); a resolve
    /// without one earns the smaller "resolve-unanswered" award.
    /// </summary>
    public static RuleSet Default { get; } = new(
        Version: 1,
        Rules:
        [
            new("read", ActionType.Read, PointCategory.Listening, 1, "Read a customer's feedback", Translations: De("Kundenfeedback gelesen")),
            new("reply", ActionType.Reply, PointCategory.Responding, 5, "Replied to a customer", Translations: De("Einem Kunden geantwortet")),
            new("tag", ActionType.Tag, PointCategory.Listening, 1, "Tagged a feedback item", Translations: De("Feedback verschlagwortet")),
            new("forward", ActionType.Forward, PointCategory.Collaboration, 3, "Routed feedback to another department", Translations: De("Feedback an eine andere Abteilung weitergeleitet")),
            new("insight", ActionType.Insight, PointCategory.Insight, 10, "Turned feedback into a product insight", Translations: De("Feedback in eine Produkterkenntnis verwandelt")),
            new("resolve", ActionType.Resolve, PointCategory.Responding, 8, "Closed the loop with the customer",
                When: new(Answered: true), Translations: De("Den Kreis zum Kunden geschlossen")),
            new("resolve-unanswered", ActionType.Resolve, PointCategory.Responding, 3, "Resolved without a reply to the customer",
                When: new(Answered: false), Translations: De("Ohne Antwort an den Kunden gelöst")),
            new("kudos", ActionType.Kudos, PointCategory.Collaboration, 5, "Thanked by a colleague", Translations: De("Von einer Kollegin oder einem Kollegen bedankt")),
        ],
        Multipliers: new(FirstResponder: 2.0m, NegativeResolved: 1.5m),
        Limits: new(
            DailyCap: new Dictionary<PointCategory, int>
            {
                [PointCategory.Listening] = 30,
                [PointCategory.Responding] = 150,
                [PointCategory.Insight] = 100,
                [PointCategory.Collaboration] = 60,
            }.AsReadOnly(),
            DiminishAfter: 20,
            DiminishFactor: 0.5m,
            CooldownMinutes: 2),
        SharedCredit: new(0.25m),
        AntiGaming: new(MinReadSeconds: 3, BurstCount: 6, BurstWindowSeconds: 60),
        LevelCurve: new(LevelCurveKind.Exponential, Base: 100, Growth: 1.2m, Table: null),
        Badges: CreateDefaultBadges());

    private static IReadOnlyDictionary<string, string> De(string reason) =>
        new Dictionary<string, string> { [Texts.Language.German] = reason }.AsReadOnly();

    private static IReadOnlyDictionary<string, BadgeText> De(string name, string description) =>
        new Dictionary<string, BadgeText> { [Texts.Language.German] = new(name, description) }.AsReadOnly();

    private static IReadOnlyList<BadgeDefinition> CreateDefaultBadges() =>
    [
        new("first-listener", "First Listener", "Read your first piece of customer feedback.",
            BadgeTier.Bronze, false, new FirstEver(ActionType.Read), Translations: De("Erstes Zuhören", "Ihr erstes Kundenfeedback gelesen.")),
        new("first-words", "First Words", "Answered a customer for the first time.",
            BadgeTier.Bronze, false, new FirstEver(ActionType.Reply), Translations: De("Erste Worte", "Zum ersten Mal einem Kunden geantwortet.")),
        new("voice-of-the-customer", "Voice of the Customer", "Read 100 feedback items.",
            BadgeTier.Silver, false, new ActionCount(ActionType.Read, 100), Translations: De("Stimme des Kunden", "100 Feedbacks gelesen.")),
        new("good-listener", "Good Listener", "Earned 500 Listening points.",
            BadgeTier.Gold, false, new CategoryPoints(PointCategory.Listening, 500), Translations: De("Gute Zuhörerin, guter Zuhörer", "500 Punkte im Zuhören gesammelt.")),
        new("loop-closer", "Loop Closer", "Resolved 25 feedback items.",
            BadgeTier.Silver, false, new ActionCount(ActionType.Resolve, 25), Translations: De("Kreisschließer", "25 Feedbacks gelöst.")),
        new("customer-champion", "Customer Champion", "Earned 1,000 Responding points.",
            BadgeTier.Gold, false, new CategoryPoints(PointCategory.Responding, 1000), Translations: De("Kundenchampion", "1.000 Punkte im Antworten gesammelt.")),
        new("signal-booster", "Signal Booster", "Forwarded 10 items to the department that can act on them.",
            BadgeTier.Bronze, false, new ActionCount(ActionType.Forward, 10), Translations: De("Signalverstärker", "10 Feedbacks an die Abteilung weitergeleitet, die etwas tun kann.")),
        new("bridge-builder", "Bridge Builder", "Worked on feedback shared with 3 other departments.",
            BadgeTier.Silver, false, new CrossDepartment(3), Translations: De("Brückenbauer", "An Feedback gearbeitet, das mit 3 anderen Abteilungen geteilt war.")),
        new("speedy-responder", "Speedy Responder", "Gave the first answer within an hour, 10 times.",
            BadgeTier.Silver, false, new FastReplies(WithinMinutes: 60, Count: 10), Translations: De("Schnell geantwortet", "10-mal innerhalb einer Stunde als Erste(r) geantwortet.")),
        new("insight-hunter", "Insight Hunter", "Turned 5 pieces of feedback into product insights.",
            BadgeTier.Bronze, false, new InsightsCreated(5), Translations: De("Erkenntnisjäger", "5 Feedbacks in Produkterkenntnisse verwandelt.")),
        new("insight-architect", "Insight Architect", "Turned 25 pieces of feedback into product insights.",
            BadgeTier.Gold, false, new InsightsCreated(25), Translations: De("Erkenntnisarchitekt", "25 Feedbacks in Produkterkenntnisse verwandelt.")),
        new("taxonomist", "Taxonomist", "Tagged 50 feedback items.",
            BadgeTier.Bronze, false, new ActionCount(ActionType.Tag, 50), Translations: De("Ordnungshüter", "50 Feedbacks verschlagwortet.")),
        new("streak-keeper", "Streak Keeper", "Engaged with feedback 5 working days in a row (one day off allowed).",
            BadgeTier.Bronze, false, new Streak(WorkingDays: 5, GraceDays: 1), Translations: De("Dranbleiber", "5 Arbeitstage in Folge mit Feedback gearbeitet (ein freier Tag erlaubt).")),
        new("marathon-listener", "Marathon Listener", "Engaged with feedback 20 working days in a row (two days off allowed).",
            BadgeTier.Gold, false, new Streak(WorkingDays: 20, GraceDays: 2), Translations: De("Marathon-Zuhörer", "20 Arbeitstage in Folge mit Feedback gearbeitet (zwei freie Tage erlaubt).")),
        new("lightning-reflexes", "Lightning Reflexes", "Gave the first answer within 5 minutes, 3 times.",
            BadgeTier.Gold, true, new FastReplies(WithinMinutes: 5, Count: 3), Translations: De("Blitzreflexe", "3-mal innerhalb von 5 Minuten als Erste(r) geantwortet.")),
        new("company-cartographer", "Company Cartographer", "Worked on feedback shared with 6 other departments.",
            BadgeTier.Gold, true, new CrossDepartment(6), Translations: De("Kartograf des Unternehmens", "An Feedback gearbeitet, das mit 6 anderen Abteilungen geteilt war.")),
    ];
}
