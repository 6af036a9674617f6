using GamifyHub.Data.Writing;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Server.Sla;

/// <summary>
/// Items whose SLA clocks may have moved since the breach notifier last looked: new items, and items that got a reply, a
/// resolve or a reopen (the only marks the clocks read). Told by the writer right after each commit, so the notifier looks at
/// these and at the items falling due instead of reading every open item each minute.
/// </summary>
public sealed class SlaTouchedItems : ICommittedEventsObserver
{
    private readonly Lock _gate = new();
    private HashSet<Guid> _items = [];

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (e.Record.FeedbackId is { } id && e.Record.Type is ActionType.Reply or ActionType.Resolve or ActionType.Reopen)
                {
                    _items.Add(id);
                }
            }
        }
    }

    public void OnRoutingsCommitted(IReadOnlyList<CommittedRouting> routings)
    {
        ArgumentNullException.ThrowIfNull(routings);
        lock (_gate)
        {
            foreach (var r in routings)
            {
                if (r.Item is not null)
                {
                    _items.Add(r.FeedbackId);
                }
            }
        }
    }

    /// <summary>The items touched since the last call (each once), forgetting them.</summary>
    public HashSet<Guid> Take()
    {
        lock (_gate)
        {
            var taken = _items;
            _items = [];
            return taken;
        }
    }
}
