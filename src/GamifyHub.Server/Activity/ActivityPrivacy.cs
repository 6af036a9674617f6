using System.Security.Claims;
using GamifyHub.Data.Identity;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Privacy;
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
/// goes through it. On top of <see cref="ActivityOptions"/>, the privacy rules apply: a colleague who has not opted in to be
/// shown by name appears under their pseudonym (on a wallboard: as no one, only their department); the reader always sees
/// their own name; managers and admins see no individuals at all (only the department) unless the privacy setting
/// "managers see individuals" is on.
/// </summary>
public sealed class ActivityPrivacy(IOptions<ActivityOptions> options, Visibility visibility)
{
    public ActivityEntryDto? Present(ActivityRecord record, ActivityAudience audience) => Present(record, audience, null);

    /// <param name="reader">Who reads the feed (null: a wallboard).</param>
    public ActivityEntryDto? Present(ActivityRecord record, ActivityAudience audience, ClaimsPrincipal? reader)
    {
        var showNames = options.Value.ShowNames && (audience == ActivityAudience.Wallboard || !Supervises(reader));
        var viewer = reader?.GetEmployeeId();
        ActivityPersonDto? Person(ActivityRecord.Person? p)
        {
            if (p is null)
            {
                return null;
            }

            if (!showNames)
            {
                return new ActivityPersonDto(null, null, p.DepartmentId, p.DepartmentName);
            }

            var shown = visibility.Person(p.Id, viewer);
            if (audience == ActivityAudience.Wallboard)
            {
                // A pseudonym means nothing on a screen in the corridor: such a colleague shows as their department only.
                return shown.Pseudonym
                    ? new ActivityPersonDto(null, null, p.DepartmentId, p.DepartmentName)
                    : new ActivityPersonDto(p.Id, FirstName(p.Name), p.DepartmentId, p.DepartmentName);
            }

            return new ActivityPersonDto(shown.Pseudonym ? null : p.Id, shown.Pseudonym ? shown.Name : p.Name, p.DepartmentId,
                p.DepartmentName);
        }

        var text = record.Kind == ActivityKinds.Kudos && (!options.Value.ShowKudosMessages || audience == ActivityAudience.Wallboard)
            ? null
            : record.Text;
        return new ActivityEntryDto(record.Key, record.Kind, record.OccurredAt, Person(record.Actor), Person(record.Receiver),
            audience == ActivityAudience.Wallboard ? null : record.FeedbackId, record.Points, record.Title, text);
    }

    /// <summary>Managers and admins read feeds as supervisors: team aggregates only, unless the works council allowed more.</summary>
    private bool Supervises(ClaimsPrincipal? reader) => visibility.Supervises(reader);

    public int MinAwardPoints => options.Value.MinAwardPoints;

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
}
