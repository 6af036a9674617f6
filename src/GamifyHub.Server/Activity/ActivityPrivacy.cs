using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Activity;

public sealed class ActivityOptions
{
    /// <summary>Whether feed entries name the colleague (false: "A colleague", only the department shows).</summary>
    public bool ShowNames { get; set; } = true;

    /// <summary>Whether kudos messages show in the feed (they always reach the receiver's notification centre).</summary>
    public bool ShowKudosMessages { get; set; } = true;

    /// <summary>Awards below this many points (a read, a tag) are too small for the feed.</summary>
    public int MinAwardPoints { get; set; } = 10;
}

/// <summary>Who looks at the feed: colleagues in the app, or a wallboard on a TV anyone walking past can read.</summary>
public enum ActivityAudience { Colleagues, Wallboard }

/// <summary>
/// The one place that decides what an activity entry may show. Every feed (a department's, the wallboard's highlights)
/// goes through it, so a future per-person privacy setting (e.g. "don't show me in feeds") is added here and nowhere else.
/// </summary>
public sealed class ActivityPrivacy(IOptions<ActivityOptions> options)
{
    public ActivityEntryDto? Present(ActivityRecord record, ActivityAudience audience)
    {
        var showNames = options.Value.ShowNames;
        var person = (ActivityRecord.Person? p) => p is null ? null : new ActivityPersonDto(
            showNames ? p.Id : null,
            !showNames ? null : audience == ActivityAudience.Wallboard ? FirstName(p.Name) : p.Name,
            p.DepartmentId, p.DepartmentName);
        var text = record.Kind == ActivityKinds.Kudos && (!options.Value.ShowKudosMessages || audience == ActivityAudience.Wallboard)
            ? null
            : record.Text;
        return new ActivityEntryDto(record.Key, record.Kind, record.OccurredAt, person(record.Actor), person(record.Receiver),
            audience == ActivityAudience.Wallboard ? null : record.FeedbackId, record.Points, record.Title, text);
    }

    public int MinAwardPoints => options.Value.MinAwardPoints;

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
}
