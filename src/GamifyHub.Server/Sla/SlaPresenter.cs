using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Server.Sla;

/// <summary>Computes the SLA clocks of items being shown, from their events and the targets in force.</summary>
public sealed class SlaPresenter(SlaBook book, TimeProvider time)
{
    /// <summary>The SLA of each item, by id; one query for the events of all of them.</summary>
    public async Task<IReadOnlyDictionary<Guid, SlaDto>> ForAsync(GamifyDbContext db,
        IReadOnlyCollection<(Guid Id, Priority Priority, DateTime ReceivedAt)> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return new Dictionary<Guid, SlaDto>();
        }

        var policy = await book.GetAsync(cancellationToken);
        var marks = await SlaBook.MarksAsync(db, [.. items.Select(i => i.Id)], cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return items.ToDictionary(i => i.Id, i => Present(SlaCalculator.Compute(i.ReceivedAt, i.Priority, policy,
            marks.GetValueOrDefault(i.Id) ?? [], now)));
    }

    public static SlaDto Present(ItemSla sla) => new(Name(sla.State), Clock(sla.FirstResponse), Clock(sla.Resolution));

    /// <summary>The wire name of a state: on-track, at-risk, breached, met.</summary>
    public static string Name(SlaState state) => state switch
    {
        SlaState.OnTrack => "on-track",
        SlaState.AtRisk => "at-risk",
        SlaState.Breached => "breached",
        _ => "met",
    };

    private static SlaClockDto Clock(SlaClock c) => new(c.DueAt, Name(c.State), c.BreachedAt, c.Running);
}
