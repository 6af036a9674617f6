using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Classification;

public static class PriorityRules
{
    /// <summary>Strongly negative feedback is high priority; positive feedback can wait.</summary>
    public static Priority For(int sentimentScore) => sentimentScore switch
    {
        <= -3 => Priority.High,
        > 0 => Priority.Low,
        _ => Priority.Normal,
    };
}
