using GamifyHub.Data.Entities;

namespace GamifyHub.Data.Writing;

public static class EngagementEventFactory
{
    /// <summary>The stored event with its awards; each award row names its recipient and copies the event's time for fast board queries.</summary>
    public static EngagementEvent Create(EngagementRecord r, DateTime recordedAt) => new()
    {
        EventId = r.EventId,
        EmployeeId = r.EmployeeId,
        DepartmentId = r.DepartmentId,
        Type = r.Type,
        FeedbackId = r.FeedbackId,
        OccurredAt = r.OccurredAt,
        RecordedAt = recordedAt,
        Source = r.Source,
        TargetDepartmentId = r.TargetDepartmentId,
        Text = r.Text,
        Url = r.Url,
        DwellSeconds = r.DwellSeconds,
        Awards =
        [
            .. r.Awards.Select(a => new AwardEntry
            {
                EventId = r.EventId,
                EmployeeId = a.EmployeeId,
                DepartmentId = a.DepartmentId,
                FeedbackId = r.FeedbackId,
                Points = a.Points,
                Category = a.Category,
                RuleId = a.RuleId,
                RuleVersion = a.RuleVersion,
                Reason = a.Reason,
                OccurredAt = r.OccurredAt,
            }),
        ],
    };

    /// <summary>The anti-gaming flags the event raised, one row each.</summary>
    public static IEnumerable<GamingFlag> Flags(EngagementRecord r) =>
        (r.Flags ?? []).Select(f => new GamingFlag { EventId = r.EventId, EmployeeId = r.EmployeeId, Flag = f, OccurredAt = r.OccurredAt });
}
