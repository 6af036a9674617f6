namespace GamifyHub.Data.Writing;

/// <summary>Told about events right after their transaction commits. Must not block: it runs on the writer.</summary>
public interface ICommittedEventsObserver
{
    void OnCommitted(IReadOnlyList<CommittedEvent> events);
}
