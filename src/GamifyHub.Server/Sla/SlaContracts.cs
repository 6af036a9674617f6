namespace GamifyHub.Server.Sla;

/// <summary>One clock of an item: when it is (or was) due, its state (on-track, at-risk, breached, met) and whether it still runs.</summary>
public sealed record SlaClockDto(DateTime DueAt, string State, DateTime? BreachedAt, bool Running);

/// <summary>The SLA of an item: its overall state (the worst of its clocks) and both clocks.</summary>
public sealed record SlaDto(string State, SlaClockDto FirstResponse, SlaClockDto Resolution);

/// <summary>The targets of one priority, in minutes.</summary>
public sealed record SlaTargetDto(int? FirstResponseMinutes, int? ResolutionMinutes);

/// <summary>The SLA targets per priority (GET answer and PUT body).</summary>
public sealed record SlaTargetsDto(SlaTargetDto? High, SlaTargetDto? Normal, SlaTargetDto? Low);
