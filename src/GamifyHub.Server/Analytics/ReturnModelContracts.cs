using GamifyHub.Domain.Analytics.Study;

namespace GamifyHub.Server.Analytics;

/// <summary>What an admin sends to replace the return model: the model as GET answers it. Optional fields so a missing
/// one is a 400 naming it (a missing amount becomes −1, which validation names as out of range).</summary>
public sealed record ReturnModelBody(int? Version, string? Currency, decimal? HourlyCost, MinutesPerActionBody? MinutesPerAction,
    ValuePerOutcomeBody? ValuePerOutcome, IReadOnlyList<string?>? Sources)
{
    public ReturnModel ToModel() => new(
        Version ?? 0,
        Currency ?? "",
        HourlyCost ?? -1,
        MinutesPerAction is not { } m ? null! : new MinutesPerAction(m.Read ?? -1, m.Reply ?? -1, m.Tag ?? -1, m.Forward ?? -1,
            m.Insight ?? -1, m.Resolve ?? -1),
        ValuePerOutcome is not { } v ? null! : new ValuePerOutcome(v.Insight ?? -1, v.ResolvedComplaint ?? -1, v.ReplyWithinSla ?? -1),
        Sources is null ? null! : [.. Sources.Select(s => s ?? "")]);
}

public sealed record MinutesPerActionBody(decimal? Read, decimal? Reply, decimal? Tag, decimal? Forward, decimal? Insight, decimal? Resolve);

public sealed record ValuePerOutcomeBody(decimal? Insight, decimal? ResolvedComplaint, decimal? ReplyWithinSla);
