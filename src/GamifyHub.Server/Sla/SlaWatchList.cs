namespace GamifyHub.Server.Sla;

/// <summary>
/// When each open item can next go past due (<see cref="Domain.Sla.ItemSla.NextBreachAt"/>), so a scan reads only the items
/// falling due. In memory: a restart starts over with a full scan.
/// </summary>
public sealed class SlaWatchList
{
    private readonly PriorityQueue<Guid, DateTime> _queue = new();

    // The entry in force per item; queue entries that differ from it are left behind by a later Watch and skipped.
    private readonly Dictionary<Guid, DateTime> _next = [];

    public int Count => _next.Count;

    /// <summary>Looks at <paramref name="item"/> again at <paramref name="at"/>; never again (until touched) when null.</summary>
    public void Watch(Guid item, DateTime? at)
    {
        if (at is not { } when)
        {
            _next.Remove(item);
            return;
        }

        if (!_next.TryGetValue(item, out var current) || current != when)
        {
            _next[item] = when;
            _queue.Enqueue(item, when);
        }
    }

    /// <summary>The items due by <paramref name="now"/>, no longer watched until <see cref="Watch"/> is told again.</summary>
    public List<Guid> TakeDue(DateTime now)
    {
        var due = new List<Guid>();
        while (_queue.TryPeek(out var item, out var at) && at <= now)
        {
            _queue.Dequeue();
            if (_next.TryGetValue(item, out var current) && current == at)
            {
                _next.Remove(item);
                due.Add(item);
            }
        }

        return due;
    }

    public void Clear()
    {
        _queue.Clear();
        _next.Clear();
    }
}
