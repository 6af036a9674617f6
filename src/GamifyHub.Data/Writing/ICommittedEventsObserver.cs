namespace GamifyHub.Data.Writing;

/// <summary>Told about events right after their transaction commits. Must not block: it runs on the writer.</summary>
public interface ICommittedEventsObserver
{
    void OnCommitted(IReadOnlyList<CommittedEvent> events);

    /// <summary>Committed events it has not handled yet. The writer refuses new events while projections are this far behind,
    /// so memory cannot grow without bound when they fall behind the log.</summary>
    int Backlog => 0;

    /// <summary>Told about new routings (an item stored at intake, a forward) right after their transaction commits. Must not
    /// block either. Most projections ignore them.</summary>
    void OnRoutingsCommitted(IReadOnlyList<CommittedRouting> routings)
    {
    }
}
