namespace GamifyHub.Domain.Scoring;

/// <summary>
/// Points in one category, with the rule and reason that produced them, as the event log stores them today.
/// Scoring now produces <see cref="AwardLine"/>s, which also name the recipient and department (shared credit and
/// clawbacks reach other employees); this shape stays until storage moves to lines.
/// </summary>
public sealed record Award(int Points, PointCategory Category, string RuleId, int RuleVersion, string Reason);
