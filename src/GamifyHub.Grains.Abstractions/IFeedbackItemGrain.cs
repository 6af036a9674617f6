namespace GamifyHub.Grains;

/// <summary>One feedback item: orders the actions on it and keeps its lifecycle.</summary>
[Alias("gh.IFeedbackItemGrain")]
public interface IFeedbackItemGrain : IGrainWithGuidKey
{
    [Alias("Act")]
    Task<ActionOutcome> Act(ActionCommand command);
}
