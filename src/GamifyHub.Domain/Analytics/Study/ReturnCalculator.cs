namespace GamifyHub.Domain.Analytics.Study;

/// <summary>
/// Return on engagement: cost = Σ actions × minutes per action / 60 × hourly cost; value = insights × value per insight
/// + resolved complaints × value per resolved complaint + replies within SLA × value per reply within SLA;
/// net = value − cost; ratio = value / cost (null when nothing cost anything). Money rounded to cents.
/// </summary>
public static class ReturnCalculator
{
    public static ReturnFigures Compute(ActionCounts counts, ReturnModel model)
    {
        var minutes = model.MinutesPerAction;
        var totalMinutes = counts.Reads * minutes.Read + counts.Replies * minutes.Reply + counts.Tags * minutes.Tag
            + counts.Forwards * minutes.Forward + counts.Insights * minutes.Insight + counts.Resolves * minutes.Resolve;
        var cost = Math.Round(totalMinutes / 60m * model.HourlyCost, 2, MidpointRounding.AwayFromZero);

        var values = model.ValuePerOutcome;
        var value = Math.Round(counts.Insights * values.Insight + counts.ResolvedComplaints * values.ResolvedComplaint
            + counts.RepliesWithinSla * values.ReplyWithinSla, 2, MidpointRounding.AwayFromZero);

        double? ratio = cost == 0 ? null : Math.Round((double)(value / cost), 4);
        return new ReturnFigures(cost, value, value - cost, ratio);
    }
}
