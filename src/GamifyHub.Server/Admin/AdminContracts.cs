namespace GamifyHub.Server.Admin;

/// <summary>One employee's change in a rescore, with the names an admin recognises.</summary>
public sealed record EmployeeRescoreView(
    Guid EmployeeId,
    string Name,
    Guid? DepartmentId,
    string? DepartmentName,
    long PointsBefore,
    long PointsAfter,
    long Delta,
    IReadOnlyList<string> BadgesGained,
    IReadOnlyList<string> BadgesLost);

/// <summary>The answer to a preview: how a proposed rule set would change everyone.</summary>
public sealed record RulesPreviewed(
    int CurrentVersion,
    IReadOnlyList<EmployeeRescoreView> Employees,
    long TotalBefore,
    long TotalAfter,
    long TotalDelta,
    int EmployeesAffected,
    int BadgesGained,
    int BadgesLost);

/// <summary>The answer to an apply: the new version in force and how it changed everyone.</summary>
public sealed record RulesApplied(
    int Version,
    IReadOnlyList<EmployeeRescoreView> Employees,
    long TotalBefore,
    long TotalAfter,
    long TotalDelta,
    int EmployeesAffected,
    int BadgesGained,
    int BadgesLost);

/// <summary>Totals of one audited preview or apply.</summary>
public sealed record RuleChangeSummary(
    long TotalBefore,
    long TotalAfter,
    long TotalDelta,
    int EmployeesAffected,
    int BadgesGained,
    int BadgesLost);

/// <summary>One row of the rule change audit.</summary>
/// <param name="Version">For an apply the new version; for a preview the version in force it was compared with.</param>
public sealed record RuleChangeRow(long Id, string Kind, int Version, string Actor, DateTime At, RuleChangeSummary? Summary);

public sealed record RuleHistoryPage(IReadOnlyList<RuleChangeRow> Items, int Total, int Page, int PageSize);

/// <summary>One anti-gaming flag with the event that raised it.</summary>
/// <param name="DepartmentId">The employee's department when the event happened.</param>
public sealed record FlagRow(
    long Id,
    DateTime At,
    Guid EmployeeId,
    string EmployeeName,
    Guid DepartmentId,
    string DepartmentName,
    string Flag,
    Guid EventId,
    string ActionType,
    Guid? FeedbackId);

public sealed record FlagPage(IReadOnlyList<FlagRow> Items, int Total, int Page, int PageSize);
