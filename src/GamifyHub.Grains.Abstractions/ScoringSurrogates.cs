using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

// The domain stays free of Orleans: its scoring records cross grain calls through these surrogates.

[GenerateSerializer, Alias("gh.AwardLine.v1")]
public struct AwardLineSurrogate
{
    [Id(0)] public Guid EmployeeId;
    [Id(1)] public Guid DepartmentId;
    [Id(2)] public int Points;
    [Id(3)] public PointCategory Category;
    [Id(4)] public string RuleId;
    [Id(5)] public int RuleVersion;
    [Id(6)] public string Reason;
}

[RegisterConverter]
public sealed class AwardLineConverter : IConverter<AwardLine, AwardLineSurrogate>
{
    public AwardLine ConvertFromSurrogate(in AwardLineSurrogate s) =>
        new(s.EmployeeId, s.DepartmentId, s.Points, s.Category, s.RuleId, s.RuleVersion, s.Reason);

    public AwardLineSurrogate ConvertToSurrogate(in AwardLine v) => new()
    {
        EmployeeId = v.EmployeeId, DepartmentId = v.DepartmentId, Points = v.Points, Category = v.Category,
        RuleId = v.RuleId, RuleVersion = v.RuleVersion, Reason = v.Reason,
    };
}

[GenerateSerializer, Alias("gh.ChainMember.v1")]
public struct ChainMemberSurrogate
{
    [Id(0)] public Guid EmployeeId;
    [Id(1)] public Guid DepartmentId;
}

[RegisterConverter]
public sealed class ChainMemberConverter : IConverter<ChainMember, ChainMemberSurrogate>
{
    public ChainMember ConvertFromSurrogate(in ChainMemberSurrogate s) => new(s.EmployeeId, s.DepartmentId);

    public ChainMemberSurrogate ConvertToSurrogate(in ChainMember v) => new() { EmployeeId = v.EmployeeId, DepartmentId = v.DepartmentId };
}

[GenerateSerializer, Alias("gh.ItemFacts.v1")]
public struct ItemFactsSurrogate
{
    [Id(0)] public Guid ItemId;
    [Id(1)] public string Channel;
    [Id(2)] public Sentiment Sentiment;
    [Id(3)] public Priority Priority;
    [Id(4)] public string Language;
    [Id(5)] public Guid[] RoutedDepartments;
    [Id(6)] public DateTimeOffset ReceivedAt;
    [Id(7)] public bool IsFirstReply;
    [Id(8)] public ChainMember[] HandOffChain;
    [Id(9)] public AwardLine[] ClawBack;
    [Id(10)] public bool Answered;
}

[RegisterConverter]
public sealed class ItemFactsConverter : IConverter<ItemFacts, ItemFactsSurrogate>
{
    public ItemFacts ConvertFromSurrogate(in ItemFactsSurrogate s) =>
        new(s.ItemId, s.Channel, s.Sentiment, s.Priority, s.Language, s.RoutedDepartments ?? [], s.ReceivedAt, s.IsFirstReply,
            s.Answered, s.HandOffChain ?? [], s.ClawBack ?? []);

    public ItemFactsSurrogate ConvertToSurrogate(in ItemFacts v) => new()
    {
        ItemId = v.ItemId, Channel = v.Channel, Sentiment = v.Sentiment, Priority = v.Priority, Language = v.Language,
        RoutedDepartments = [.. v.RoutedDepartments], ReceivedAt = v.ReceivedAt, IsFirstReply = v.IsFirstReply,
        Answered = v.Answered, HandOffChain = [.. v.HandOffChain], ClawBack = [.. v.ClawBack],
    };
}

[GenerateSerializer, Alias("gh.EngagementFact.v1")]
public struct EngagementFactSurrogate
{
    [Id(0)] public Guid EventId;
    [Id(1)] public Guid EmployeeId;
    [Id(2)] public Guid DepartmentId;
    [Id(3)] public ActionType Action;
    [Id(4)] public DateTimeOffset OccurredAt;
    [Id(5)] public string Source;
    [Id(6)] public int? DwellSeconds;
    [Id(7)] public ItemFacts? Item;
}

[RegisterConverter]
public sealed class EngagementFactConverter : IConverter<EngagementFact, EngagementFactSurrogate>
{
    public EngagementFact ConvertFromSurrogate(in EngagementFactSurrogate s) =>
        new(s.EventId, s.EmployeeId, s.DepartmentId, s.Action, s.OccurredAt, s.Source, s.DwellSeconds, s.Item);

    public EngagementFactSurrogate ConvertToSurrogate(in EngagementFact v) => new()
    {
        EventId = v.EventId, EmployeeId = v.EmployeeId, DepartmentId = v.DepartmentId, Action = v.Action,
        OccurredAt = v.OccurredAt, Source = v.Source, DwellSeconds = v.DwellSeconds, Item = v.Item,
    };
}
