using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Domain.Tests.Analytics;

/// <summary>Short-hand for engagement logs in tests: departments, people, items and what they did, at minutes after a base.</summary>
internal sealed class LedgerBuilder
{
    public static readonly DateTimeOffset Base = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    public static readonly Guid Rnd = Ids.Of(1);
    public static readonly Guid Service = Ids.Of(2);
    public static readonly Guid Ada = Ids.Of(101);
    public static readonly Guid Ben = Ids.Of(102);
    public static readonly Guid Cleo = Ids.Of(201);

    private int _events;

    public List<LedgerItem> Items { get; } = [];
    public List<LedgerRouting> Routings { get; } = [];
    public List<LedgerEvent> Events { get; } = [];

    public static DateTimeOffset At(double minutes) => Base.AddMinutes(minutes);

    public Guid Item(int n, double receivedAt, Guid department, string channel = "x", Priority priority = Priority.Normal,
        Sentiment sentiment = Sentiment.Neutral)
    {
        var id = Ids.Of(1000 + n);
        Items.Add(new LedgerItem(id, channel, priority, sentiment, At(receivedAt)));
        Routings.Add(new LedgerRouting(id, department, At(receivedAt), false));
        return id;
    }

    public void Route(Guid item, Guid department, double at, bool viaForward = true) =>
        Routings.Add(new LedgerRouting(item, department, At(at), viaForward));

    public LedgerEvent Act(Guid actor, Guid department, ActionType type, Guid? item, double at, string source = "web", Guid? target = null)
    {
        var e = new LedgerEvent(Ids.Of(500_000 + ++_events), actor, department, type, source, At(at), item, target);
        Events.Add(e);
        return e;
    }

    public EngagementLedger Build()
    {
        var ledger = new EngagementLedger();
        Items.ForEach(ledger.Add);
        Routings.ForEach(ledger.Add);
        Events.ForEach(e => ledger.Add(e));
        return ledger;
    }

    public static LedgerContext Context(int minimum = 1, params Guid[] members) =>
        new(members.ToHashSet(), minimum, SlaPolicy.Default);

    public static LedgerContext RndContext(int minimum = 1) => Context(minimum, Ada, Ben);
}
