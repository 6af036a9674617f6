using FsCheck;
using FsCheck.Fluent;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests;

/// <summary>One update of a leaderboard: a member out of a small pool (so ties and repeats are common) and a delta.</summary>
public sealed record LeaderboardOp(int Member, int Delta)
{
    public const int Pool = 8;

    public Guid MemberId => Ids.Of(Member + 1);
}

/// <summary>One action by one employee (out of a small pool) on one feedback item.</summary>
public sealed record ItemStep(int Employee, ActionType Action)
{
    public const int Pool = 3;

    public Guid EmployeeId => Ids.Of(100 + Employee);
}

/// <summary>Generators for the domain properties (FsCheck 3, registered with <c>[Property(Arbitrary = …)]</c>).</summary>
public static class DomainArbitraries
{
    public static Arbitrary<LeaderboardOp> LeaderboardOp() =>
        Gen.Zip(Gen.Choose(0, Tests.LeaderboardOp.Pool - 1), Gen.Choose(-25, 25), (m, d) => new LeaderboardOp(m, d))
            .ToArbitrary();

    public static Arbitrary<ItemStep> ItemStep() =>
        Gen.Zip(Gen.Choose(0, Tests.ItemStep.Pool - 1), Gen.Elements(Enum.GetValues<ActionType>()), (e, a) => new ItemStep(e, a))
            .ToArbitrary();

    /// <summary>Instants between 2000 and 2068, a third of them exactly at a Berlin local midnight (a period boundary).</summary>
    public static Arbitrary<DateTimeOffset> Instant()
    {
        var epoch = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var anyInstant = Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 9_999_999),
            (seconds, ticks) => epoch.AddSeconds(seconds).AddTicks(ticks));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var localMidnight = Gen.Choose(0, 24_000).Select(days =>
        {
            var local = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(days);
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, berlin), TimeSpan.Zero);
        });
        return Gen.Frequency((2, anyInstant), (1, localMidnight)).ToArbitrary();
    }

    public static Arbitrary<ScoringContext> ScoringContext() =>
        (from action in Gen.Elements(Enum.GetValues<ActionType>())
         from isFirstReply in Gen.Elements(false, true)
         from alreadyDone in Gen.Elements(false, true)
         select new ScoringContext(action, isFirstReply, alreadyDone))
        .ToArbitrary();
}
