using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Privacy;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Insights;

/// <summary>
/// Aggregates insight actions (links from feedback to backlog items) straight from the event log. Counts and mixes
/// cover every counted link; the items themselves are listed only where the caller's department may read them. Links made
/// in a department below the minimum group size are people's work that would show through any count, so they are left
/// out of every figure here (<see cref="GroupRules.Countable{T}"/>).
/// </summary>
public sealed class InsightsQueries(IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory,
    Privacy.Visibility visibility)
{
    public const int FeedbackPerItem = 10;
    public const int ExcerptLength = 200;

    public async Task<InsightsBoard> Board(string window, DateTime? since, int top, Guid viewerDepartment,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Type is a literal here so SQLite can use the partial index on insight events.
        var query = db.Events.AsNoTracking().Where(e => e.Type == ActionType.Insight && e.FeedbackId != null && e.Text != null);
        if (since is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        var links = GroupRules.Countable(await query
            .Select(e => new Link(e.FeedbackId!.Value, e.Text!, e.Url, e.DepartmentId, e.OccurredAt))
            .ToListAsync(cancellationToken), l => l.DepartmentId, visibility.Withheld).ToList();

        var groups = BacklogGrouping.Group(links);
        var ranked = groups.OrderByDescending(g => g.Links.Select(l => l.FeedbackId).Distinct().Count())
            .ThenByDescending(g => g.Links.Max(l => l.At)).ToList();
        var shown = ranked.Take(top).ToList();

        var ids = shown.SelectMany(g => g.Links.Select(l => l.FeedbackId)).Distinct().ToList();
        var items = (await db.FeedbackItems.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Channel, f.Text, f.Language, f.Sentiment, f.Status, f.ReceivedAt })
            .ToListAsync(cancellationToken)).ToDictionary(f => f.Id);
        var routings = (await db.FeedbackRoutings.AsNoTracking().Where(r => ids.Contains(r.FeedbackId))
            .Select(r => new { r.FeedbackId, r.DepartmentId }).ToListAsync(cancellationToken)).ToLookup(r => r.FeedbackId, r => r.DepartmentId);

        var dtos = shown.Select(g =>
        {
            var linked = g.Links.Select(l => l.FeedbackId).Distinct().Where(items.ContainsKey).Select(id => items[id]).ToList();
            var visible = linked.Where(f => routings[f.Id].Contains(viewerDepartment)).OrderByDescending(f => f.ReceivedAt).ToList();
            var latest = g.Links.MaxBy(l => l.At)!;
            return new BacklogItemDto(
                g.Key,
                latest.Title,
                g.Links.Where(l => l.Url is not null).MaxBy(l => l.At)?.Url,
                linked.Count,
                g.Links.Count,
                new SentimentMix(linked.Count(f => f.Sentiment == Sentiment.Positive), linked.Count(f => f.Sentiment == Sentiment.Neutral),
                    linked.Count(f => f.Sentiment == Sentiment.Negative)),
                Counts(linked.SelectMany(f => routings[f.Id])),
                Counts(g.Links.Select(l => l.DepartmentId)),
                g.Links.Min(l => l.At),
                latest.At,
                [.. visible.Take(FeedbackPerItem).Select(f => new LinkedFeedback(f.Id, f.Channel, Excerpt(f.Text), f.Language,
                    f.Sentiment.ToString().ToLowerInvariant(), f.Status.ToString().ToLowerInvariant(), f.ReceivedAt))],
                linked.Count - visible.Count);
        }).ToList();

        return new InsightsBoard(window, since, groups.Count, links.Select(l => l.FeedbackId).Distinct().Count(), dtos);
    }

    private List<DepartmentCount> Counts(IEnumerable<Guid> departments) =>
        [.. departments.GroupBy(d => d).Select(g => new DepartmentCount(g.Key, directory.Department(g.Key)?.Name ?? "unknown", g.Count()))
            .OrderByDescending(d => d.Count).ThenBy(d => d.Name, StringComparer.Ordinal)];

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)].TrimEnd() + "…";
}

/// <summary>One insight action: a feedback item linked to a backlog item by title and perhaps URL.</summary>
public sealed record Link(Guid FeedbackId, string Title, string? Url, Guid DepartmentId, DateTime At);

public sealed record BacklogGroup(string Key, List<Link> Links);

/// <summary>
/// Which links point at the same backlog item: the same URL (scheme, host and case of the host ignored, trailing slash
/// ignored), or — for links without a URL — the same title (case and spacing ignored). A title-only link joins the URL
/// group of the same title when there is exactly one, since people often add the ticket address only later.
/// </summary>
public static class BacklogGrouping
{
    public static List<BacklogGroup> Group(IEnumerable<Link> links)
    {
        var byKey = new Dictionary<string, BacklogGroup>(StringComparer.Ordinal);
        var titleOnly = new List<Link>();
        foreach (var link in links)
        {
            if (UrlKey(link.Url) is { } key)
            {
                Add(byKey, key, link);
            }
            else
            {
                titleOnly.Add(link);
            }
        }

        var urlGroupsByTitle = byKey.Values.SelectMany(g => g.Links.Select(l => (Title: TitleKey(l.Title), Group: g)))
            .GroupBy(x => x.Title).ToDictionary(x => x.Key, x => x.Select(y => y.Group).Distinct().ToList(), StringComparer.Ordinal);
        foreach (var link in titleOnly)
        {
            var title = TitleKey(link.Title);
            if (urlGroupsByTitle.TryGetValue(title, out var candidates) && candidates.Count == 1)
            {
                candidates[0].Links.Add(link);
            }
            else
            {
                Add(byKey, "title:" + title, link);
            }
        }

        return [.. byKey.Values];
    }

    public static string TitleKey(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static string? UrlKey(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return "url:" + uri.Host.ToLowerInvariant() + (uri.IsDefaultPort ? "" : ":" + uri.Port) + path + uri.Query;
    }

    private static void Add(Dictionary<string, BacklogGroup> groups, string key, Link link)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            groups[key] = group = new BacklogGroup(key, []);
        }

        group.Links.Add(link);
    }
}
