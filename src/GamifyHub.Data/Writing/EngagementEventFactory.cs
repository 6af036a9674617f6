using GamifyHub.Data.Entities;

namespace GamifyHub.Data.Writing;

public static class EngagementEventFactory
{
    /// <summary>The stored event with its awards; the award rows copy the event's actor and time for fast board queries.</summary>
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
        Awards =
        [
            .. r.Awards.Select(a => new AwardEntry
            {
                EventId = r.EventId,
                EmployeeId = r.EmployeeId,
                DepartmentId = r.DepartmentId,
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
}
