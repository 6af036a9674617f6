using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Data.Entities;

/// <summary>The SLA targets of one priority as an admin set them. No rows means the defaults are in force.</summary>
public sealed class SlaTargetEntry
{
    public Priority Priority { get; set; }
    public int FirstResponseMinutes { get; set; }
    public int ResolutionMinutes { get; set; }
}

/// <summary>Append-only audit of SLA target edits: who replaced them, when, and with what.</summary>
public sealed class SlaChange
{
    public long Id { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }

    /// <summary>JSON: the targets as they were set, {"high":{"firstResponseMinutes","resolutionMinutes"},…}.</summary>
    public required string Targets { get; set; }
}

/// <summary>A breach of one clock of one item that was announced; its key keeps it to one announcement ever.</summary>
public sealed class SlaBreachNotice
{
    public Guid FeedbackId { get; set; }
    public SlaClockKind Clock { get; set; }
    public DateTime BreachedAt { get; set; }
    public DateTime NotifiedAt { get; set; }

    /// <summary>How many employees were sent the notification.</summary>
    public int Recipients { get; set; }
}

/// <summary>Append-only audit of routing rule edits: who replaced the rules, when, and with what.</summary>
public sealed class RoutingRuleChange
{
    public long Id { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }

    /// <summary>JSON: the ordered rules and the triage department as they were set.</summary>
    public required string Rules { get; set; }
}
