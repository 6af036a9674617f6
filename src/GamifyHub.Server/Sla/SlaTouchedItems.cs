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
    /// <summary>More touched items than this since the last scan (or a notifier switched off, which never takes them) are
    /// forgotten and the next scan reads every open item instead: memory stays bounded.</summary>
    public const int Limit = 100_000;

    private readonly Lock _gate = new();
    private HashSet<Guid> _items = [];
    private bool _overflowed;

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (e.Record.FeedbackId is { } id && e.Record.Type is ActionType.Reply or ActionType.Resolve or ActionType.Reopen)
                {
                    Add(id);
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
                    Add(r.FeedbackId);
                }
            }
        }
    }

    /// <summary>The items touched since the last call (each once), forgetting them; null when there were more than
    /// <see cref="Limit"/> (read every open item).</summary>
    public HashSet<Guid>? Take()
    {
        lock (_gate)
        {
            var taken = _overflowed ? null : _items;
            _items = [];
            _overflowed = false;
            return taken;
        }
    }

    private void Add(Guid item)
    {
        if (_overflowed)
        {
            return;
        }

        _items.Add(item);
        if (_items.Count > Limit)
        {
            _items = [];
            _overflowed = true;
        }
    }
}
