namespace GamifyHub.Server.Analytics;

/// <summary>The range of routing times a figure covers; start and end are null for the window "all".</summary>
public sealed record AnalyticsPeriodDto(string Key, DateTimeOffset? Start, DateTimeOffset? End);

public sealed record DurationDto(double? MedianMinutes, double? P90Minutes);

public sealed record ChannelDto(string Group, int Items, double? ReadRate);

/// <summary>A figure of the benchmarks document, with where it comes from.</summary>
public sealed record BenchmarkDto(string Id, string Label, double Value, string Source);

public sealed record MaturityReasonDto(string Code, string Metric, double? Value, double? Baseline, string? BenchmarkId);

public sealed record MaturityNextStepDto(string Code, string Metric, double Target, string? BenchmarkId);

public sealed record MaturityDto(string Stage, int? Score, IReadOnlyList<MaturityReasonDto> Reasons, MaturityNextStepDto? NextStep);

/// <summary>One department's (or, with no id and name, the company's) engagement figures for one window. Team figures only:
/// nothing in it is per person; a withheld department carries no rate at all.</summary>
public sealed record DepartmentAnalyticsDto(
    Guid? DepartmentId,
    string? DepartmentName,
    string Window,
    AnalyticsPeriodDto? Period,
    int RoutedItems,
    double? ReadRate,
    DurationDto FirstResponse,
    DurationDto Resolution,
    double? ResolvedRate,
    double? InsightRate,
    double? HandoffRate,
    double? SharedBothActedRate,
    double? SlaMetRate,
    double? ParticipationRate,
    IReadOnlyList<ChannelDto> Channels,
    MaturityDto? Maturity,
    IReadOnlyList<BenchmarkDto> Benchmarks,
    bool Withheld,
    int? MinimumGroupSize = null);

public sealed record CompanyAnalyticsDto(string Window, AnalyticsPeriodDto? Period, DepartmentAnalyticsDto Company,
    IReadOnlyList<DepartmentAnalyticsDto> Departments);

public sealed record TrendPointDto(string Date, double? Value);

public sealed record TrendDto(Guid DepartmentId, string Metric, int Days, IReadOnlyList<TrendPointDto> Points, BenchmarkDto? Baseline);

public sealed record ReturnCountsDto(int Reads, int Replies, int Tags, int Forwards, int Insights, int Resolves, int ResolvedComplaints,
    int RepliesWithinSla);

/// <summary>Cost, value and return of a department's engagement; <c>Model</c> is the return model the figures were computed with.</summary>
public sealed record ReturnDto(Guid DepartmentId, string Window, AnalyticsPeriodDto? Period, decimal Cost, decimal Value, decimal Net, double? Ratio,
    string Currency, ReturnCountsDto Counts, Domain.Analytics.Study.ReturnModel Model);

public sealed record LiftFiguresDto(double? ReadRate, double? FirstResponseMedianMinutes, double? InsightRate);

public sealed record LiftEntryDto(string Kind, string Id, string Name, DateTimeOffset Start, DateTimeOffset End, LiftFiguresDto Before,
    LiftFiguresDto During);

public sealed record LiftDto(Guid DepartmentId, IReadOnlyList<LiftEntryDto> Entries);

public sealed record WallboardEngagementRowDto(Guid DepartmentId, string DepartmentName, double? ReadRate, bool Withheld);

public sealed record WallboardEngagementDto(IReadOnlyList<WallboardEngagementRowDto> Departments, BenchmarkDto? Baseline);
