namespace GamifyHub.Domain.Scoring;

public enum LevelCurveKind { Linear, Exponential, Table }

/// <summary>How much XP each level needs. Level 1 starts at 0 XP.</summary>
/// <param name="Base">Linear: XP every level needs. Exponential: XP from level 1 to 2.</param>
/// <param name="Growth">Exponential only: level k → k+1 needs Base × Growth^(k−1), rounded; at least 1.</param>
/// <param name="Table">Table only: cumulative XP at which each level starts, from level 1: [0, 100, 250, …].</param>
public sealed record LevelCurve(LevelCurveKind Kind, int Base, decimal Growth, IReadOnlyList<int>? Table);

/// <summary>Where an XP total sits on the curve.</summary>
/// <param name="XpIntoLevel">XP earned since the current level started.</param>
/// <param name="XpForNextLevel">XP the current level spans (the full width of a progress bar); 0 at the top of a table.</param>
public readonly record struct LevelInfo(int Level, long XpIntoLevel, long XpForNextLevel);

public static class Levels
{
    /// <summary>Highest level an exponential curve reports. Keeps the loop short for any XP and any growth.</summary>
    public const int MaxLevel = 1000;

    /// <summary>The level for an XP total. Negative XP (possible only transiently) counts as 0.</summary>
    public static LevelInfo For(LevelCurve curve, long xp)
    {
        ArgumentNullException.ThrowIfNull(curve);
        xp = Math.Max(0, xp);
        switch (curve.Kind)
        {
            case LevelCurveKind.Linear:
                if (curve.Base <= 0)
                {
                    throw new ArgumentException("A linear level curve needs a positive base.", nameof(curve));
                }

                var level = (xp / curve.Base) + 1;
                return new LevelInfo((int)Math.Min(level, int.MaxValue), xp % curve.Base, curve.Base);

            case LevelCurveKind.Exponential:
                return Exponential(curve, xp);

            case LevelCurveKind.Table:
                return FromTable(curve.Table ?? throw new ArgumentException("A table level curve needs a table.", nameof(curve)), xp);

            default:
                throw new ArgumentOutOfRangeException(nameof(curve), curve.Kind, "Unknown level curve kind.");
        }
    }

    private static LevelInfo Exponential(LevelCurve curve, long xp)
    {
        if (curve.Base <= 0 || curve.Growth < 1)
        {
            throw new ArgumentException("An exponential level curve needs a positive base and a growth of at least 1.", nameof(curve));
        }

        // Iterate in decimal (exact, same on every machine) rather than Math.Pow on doubles.
        const decimal unreachable = 1e18m;
        var start = 0L;
        var span = (decimal)curve.Base;
        for (var level = 1; ; level++)
        {
            var need = Math.Round(span, MidpointRounding.AwayFromZero);
            if (level == MaxLevel || need >= unreachable || xp - start < need)
            {
                return new LevelInfo(level, xp - start, (long)Math.Min(need, unreachable));
            }

            start += (long)need;
            span *= curve.Growth;
        }
    }

    private static LevelInfo FromTable(IReadOnlyList<int> table, long xp)
    {
        if (table.Count == 0 || table[0] != 0)
        {
            throw new ArgumentException("A level table starts at 0 XP.", nameof(table));
        }

        var level = 1;
        while (level < table.Count && xp >= table[level])
        {
            level++;
        }

        var start = table[level - 1];
        var span = level < table.Count ? table[level] - start : 0;
        return new LevelInfo(level, xp - start, span);
    }
}
