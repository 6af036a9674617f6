using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data.Writing;

/// <summary>
/// The last replay's standings (points and badges per employee) under one rules version, for the input it replayed.
/// A preview replays the log under the current rules for its diff; the apply that usually follows needs the very same
/// standings for its own diff, and takes them from here instead of replaying a million events again when nothing was
/// logged in between. An apply leaves its new rules' standings for the next preview in turn. One entry: it is only ever
/// asked about the latest log.
/// </summary>
public sealed class StandingsCache
{
    private sealed record Entry(string Rules, string ZoneId, ReplayInput Input, ReplayResult Standings);

    private volatile Entry? _entry;

    /// <summary>Remembers <paramref name="standings"/> (its per-event scores are dropped) as the replay of
    /// <paramref name="input"/> under <paramref name="rules"/> in <paramref name="zone"/>.</summary>
    public void Remember(RuleSet rules, TimeZoneInfo zone, ReplayInput input, ReplayResult standings)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(standings);
        var kept = standings.Events.Count == 0 ? standings : standings with { Events = [] };
        _entry = new Entry(RuleSetFormat.Write(rules), zone.Id, input, kept);
    }

    /// <summary>The standings of exactly this replay when they are known, else null (and the caller replays).</summary>
    public ReplayResult? Find(RuleSet rules, TimeZoneInfo zone, ReplayInput input)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(zone);
        var entry = _entry;
        // Rules are compared by what they say (their stored form, version included), not by reference.
        return entry is not null && entry.Input == input && string.Equals(entry.ZoneId, zone.Id, StringComparison.Ordinal) &&
               string.Equals(entry.Rules, RuleSetFormat.Write(rules), StringComparison.Ordinal)
            ? entry.Standings
            : null;
    }

    /// <summary>Forgets everything, for anything that rewrites the log's history in place.</summary>
    public void Clear() => _entry = null;
}
