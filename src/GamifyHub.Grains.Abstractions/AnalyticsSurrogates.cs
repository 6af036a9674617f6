using GamifyHub.Domain.Analytics;

namespace GamifyHub.Grains;

// The domain stays free of Orleans: a department's figures cross grain calls through these surrogates.

[GenerateSerializer, Alias("gh.DepartmentMetrics.v1")]
public struct DepartmentMetricsSurrogate
{
    [Id(0)] public Guid DepartmentId;
    [Id(1)] public DateTimeOffset From;
    [Id(2)] public DateTimeOffset To;
    [Id(3)] public int RoutedItems;
    [Id(4)] public double? ReadRate;
    [Id(5)] public DurationFigures FirstResponse;
    [Id(6)] public DurationFigures Resolution;
    [Id(7)] public double? ResolvedRate;
    [Id(8)] public double? InsightRate;
    [Id(9)] public double? HandoffRate;
    [Id(10)] public double? SharedBothActedRate;
    [Id(11)] public double? SlaMetRate;
    [Id(12)] public double? ParticipationRate;
    [Id(13)] public ChannelCoverage[] Channels;
    [Id(14)] public ActionCounts Actions;
    [Id(15)] public bool Withheld;
}

[RegisterConverter]
public sealed class DepartmentMetricsConverter : IConverter<DepartmentMetrics, DepartmentMetricsSurrogate>
{
    public DepartmentMetrics ConvertFromSurrogate(in DepartmentMetricsSurrogate s) =>
        new(s.DepartmentId, s.From, s.To, s.RoutedItems, s.ReadRate, s.FirstResponse, s.Resolution, s.ResolvedRate, s.InsightRate,
            s.HandoffRate, s.SharedBothActedRate, s.SlaMetRate, s.ParticipationRate, s.Channels, s.Actions, s.Withheld);

    public DepartmentMetricsSurrogate ConvertToSurrogate(in DepartmentMetrics v) => new()
    {
        DepartmentId = v.DepartmentId, From = v.From, To = v.To, RoutedItems = v.RoutedItems, ReadRate = v.ReadRate,
        FirstResponse = v.FirstResponse, Resolution = v.Resolution, ResolvedRate = v.ResolvedRate, InsightRate = v.InsightRate,
        HandoffRate = v.HandoffRate, SharedBothActedRate = v.SharedBothActedRate, SlaMetRate = v.SlaMetRate,
        ParticipationRate = v.ParticipationRate, Channels = [.. v.Channels], Actions = v.Actions, Withheld = v.Withheld,
    };
}

[GenerateSerializer, Alias("gh.DurationFigures.v1")]
public struct DurationFiguresSurrogate
{
    [Id(0)] public double? MedianMinutes;
    [Id(1)] public double? P90Minutes;
    [Id(2)] public int Count;
}

[RegisterConverter]
public sealed class DurationFiguresConverter : IConverter<DurationFigures, DurationFiguresSurrogate>
{
    public DurationFigures ConvertFromSurrogate(in DurationFiguresSurrogate s) => new(s.MedianMinutes, s.P90Minutes, s.Count);

    public DurationFiguresSurrogate ConvertToSurrogate(in DurationFigures v) =>
        new() { MedianMinutes = v.MedianMinutes, P90Minutes = v.P90Minutes, Count = v.Count };
}

[GenerateSerializer, Alias("gh.ChannelCoverage.v1")]
public struct ChannelCoverageSurrogate
{
    [Id(0)] public ChannelGroup Group;
    [Id(1)] public int Items;
    [Id(2)] public double? ReadRate;
}

[RegisterConverter]
public sealed class ChannelCoverageConverter : IConverter<ChannelCoverage, ChannelCoverageSurrogate>
{
    public ChannelCoverage ConvertFromSurrogate(in ChannelCoverageSurrogate s) => new(s.Group, s.Items, s.ReadRate);

    public ChannelCoverageSurrogate ConvertToSurrogate(in ChannelCoverage v) => new() { Group = v.Group, Items = v.Items, ReadRate = v.ReadRate };
}

[GenerateSerializer, Alias("gh.ActionCounts.v1")]
public struct ActionCountsSurrogate
{
    [Id(0)] public int Reads;
    [Id(1)] public int Replies;
    [Id(2)] public int Tags;
    [Id(3)] public int Forwards;
    [Id(4)] public int Insights;
    [Id(5)] public int Resolves;
    [Id(6)] public int ResolvedComplaints;
    [Id(7)] public int RepliesWithinSla;
}

[RegisterConverter]
public sealed class ActionCountsConverter : IConverter<ActionCounts, ActionCountsSurrogate>
{
    public ActionCounts ConvertFromSurrogate(in ActionCountsSurrogate s) =>
        new(s.Reads, s.Replies, s.Tags, s.Forwards, s.Insights, s.Resolves, s.ResolvedComplaints, s.RepliesWithinSla);

    public ActionCountsSurrogate ConvertToSurrogate(in ActionCounts v) => new()
    {
        Reads = v.Reads, Replies = v.Replies, Tags = v.Tags, Forwards = v.Forwards, Insights = v.Insights, Resolves = v.Resolves,
        ResolvedComplaints = v.ResolvedComplaints, RepliesWithinSla = v.RepliesWithinSla,
    };
}
