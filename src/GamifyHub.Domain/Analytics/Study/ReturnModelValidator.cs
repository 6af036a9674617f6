namespace GamifyHub.Domain.Analytics.Study;

/// <summary>Checks a proposed return model before it replaces the one in force; every problem named by its JSON path.</summary>
public static class ReturnModelValidator
{
    public const decimal MaxHourlyCost = 10_000m;
    public const decimal MaxMinutes = 1_440m;
    public const decimal MaxValue = 1_000_000m;
    public const int MaxSources = 20;
    public const int SourceMaxLength = 1000;

    public static IReadOnlyList<BenchmarkError> Validate(ReturnModel model)
    {
        var errors = new List<BenchmarkError>();
        if (model.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new("currency", "The currency is an ISO 4217 code of three capital letters, e.g. EUR."));
        }

        Range(model.HourlyCost, MaxHourlyCost, "hourlyCost", errors);
        if (model.MinutesPerAction is not { } m)
        {
            errors.Add(new("minutesPerAction", "Minutes per action {read, reply, tag, forward, insight, resolve} are required."));
        }
        else
        {
            Range(m.Read, MaxMinutes, "minutesPerAction.read", errors);
            Range(m.Reply, MaxMinutes, "minutesPerAction.reply", errors);
            Range(m.Tag, MaxMinutes, "minutesPerAction.tag", errors);
            Range(m.Forward, MaxMinutes, "minutesPerAction.forward", errors);
            Range(m.Insight, MaxMinutes, "minutesPerAction.insight", errors);
            Range(m.Resolve, MaxMinutes, "minutesPerAction.resolve", errors);
        }

        if (model.ValuePerOutcome is not { } v)
        {
            errors.Add(new("valuePerOutcome", "Values per outcome {insight, resolvedComplaint, replyWithinSla} are required."));
        }
        else
        {
            Range(v.Insight, MaxValue, "valuePerOutcome.insight", errors);
            Range(v.ResolvedComplaint, MaxValue, "valuePerOutcome.resolvedComplaint", errors);
            Range(v.ReplyWithinSla, MaxValue, "valuePerOutcome.replyWithinSla", errors);
        }

        if (model.Sources is null)
        {
            errors.Add(new("sources", "A list of sources and assumptions (possibly empty) is required."));
        }
        else if (model.Sources.Count > MaxSources)
        {
            errors.Add(new("sources", $"At most {MaxSources} sources are allowed."));
        }
        else
        {
            for (var i = 0; i < model.Sources.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(model.Sources[i]) || model.Sources[i].Length > SourceMaxLength)
                {
                    errors.Add(new($"sources[{i}]", $"A source is a text of 1 to {SourceMaxLength} characters."));
                }
            }
        }

        return errors;
    }

    private static void Range(decimal value, decimal max, string path, List<BenchmarkError> errors)
    {
        if (value < 0 || value > max)
        {
            errors.Add(new(path, $"Must be between 0 and {max}."));
        }
    }
}
