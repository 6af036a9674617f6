namespace GamifyHub.Domain.Analytics.Study;

/// <summary>
/// How GamifyHub prices engagement work: what the department's time costs (minutes per action at a loaded hourly
/// cost) and what its outcomes are worth. Admin-editable and versioned; <see cref="Default"/> until an admin edits it.
/// The assumptions travel with the figures (<see cref="Sources"/>) so the UI can show them beside every return.
/// </summary>
public sealed record ReturnModel(
    int Version,
    string Currency,
    decimal HourlyCost,
    MinutesPerAction MinutesPerAction,
    ValuePerOutcome ValuePerOutcome,
    IReadOnlyList<string> Sources)
{
    /// <summary>
    /// The shipped defaults: a loaded hourly cost from Eurostat's labour cost figure for Germany plus overhead, and
    /// deliberately modest minutes and outcome values that an admin should replace with the company's own.
    /// </summary>
    public static readonly ReturnModel Default = new(
        1,
        "EUR",
        50m,
        new MinutesPerAction(Read: 1m, Reply: 6m, Tag: 0.5m, Forward: 1m, Insight: 10m, Resolve: 2m),
        new ValuePerOutcome(Insight: 100m, ResolvedComplaint: 30m, ReplyWithinSla: 5m),
        [
            "Hourly cost: Eurostat, labour cost levels 2023 (whole economy, Germany about EUR 41 per hour worked), "
                + "plus about 20% for workplace and tools, rounded to EUR 50. Replace it with your own loaded cost.",
            "Minutes per action: GamifyHub's assumption for short social-media items (reading one item about 1 minute, "
                + "writing a reply about 6), not a measured figure. Replace them with times measured in your teams.",
            "Value per outcome: conservative placeholders (an insight that reached the backlog EUR 100, a resolved complaint "
                + "EUR 30, a reply within the SLA EUR 5), not taken from a study. The TCS 2013 study reports that 44% of "
                + "companies never compute this return; these values exist so yours is computed at all.",
        ]);
}

/// <summary>Minutes of a person's time one action of each type takes.</summary>
public sealed record MinutesPerAction(decimal Read, decimal Reply, decimal Tag, decimal Forward, decimal Insight, decimal Resolve);

/// <summary>What one outcome is worth, in the model's currency.</summary>
public sealed record ValuePerOutcome(decimal Insight, decimal ResolvedComplaint, decimal ReplyWithinSla);

/// <summary>Cost, value and return of a department's engagement in some range. Ratio = value / cost; null when cost is 0.</summary>
public sealed record ReturnFigures(decimal Cost, decimal Value, decimal Net, double? Ratio);
