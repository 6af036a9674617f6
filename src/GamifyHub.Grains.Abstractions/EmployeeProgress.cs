namespace GamifyHub.Grains;

/// <summary>Where an employee stands on the level curve of the rules in force.</summary>
[GenerateSerializer, Immutable, Alias("gh.LevelView.v1")]
public sealed record LevelView(
    [property: Id(0)] int Level,
    [property: Id(1)] long XpIntoLevel,
    [property: Id(2)] long XpForNextLevel);

/// <summary>One badge as its owner may see it (unearned secret badges are never sent).</summary>
[GenerateSerializer, Immutable, Alias("gh.BadgeView.v1")]
public sealed record BadgeView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] string Tier,
    [property: Id(4)] bool Secret,
    [property: Id(5)] bool Earned,
    [property: Id(6)] int Current,
    [property: Id(7)] int Target);

[GenerateSerializer, Immutable, Alias("gh.EmployeeProgress.v1")]
public sealed record EmployeeProgress(
    [property: Id(0)] LevelView Level,
    [property: Id(1)] IReadOnlyList<BadgeView> Badges);
