using System.Globalization;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Feedback;

/// <summary>Read side of the inbox: straight from the database, never through grains.</summary>
public sealed class FeedbackQueries(IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory, Sla.SlaPresenter sla,
    Privacy.Visibility visibility)
{
    /// <summary>Counting stops here: past it the answer says "more than", so a page never walks the whole inbox.</summary>
    public const int CountCap = 1_000;

    /// <summary>
    /// A search matching at least this many items is checked item by item while walking the inbox order (a page is full
    /// long before the walk gets far); a rarer one is looked up first and its few items sorted.
    /// </summary>
    public const int CommonSearch = 2_000;

    /// <summary>
    /// One page of a department's inbox, newest first (receivedAt desc, id desc). With a cursor it is keyset paging —
    /// the index is entered at the cursor, so page 5,000 costs what page 1 does and items arriving meanwhile neither
    /// repeat nor skip anything. The count is capped and only taken where the list starts (first page or an OFFSET page).
    /// </summary>
    public async Task<FeedbackPage> Inbox(Guid departmentId, Guid employeeId, InboxParameters.Parsed request,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var common = request.Filter.Search is { } search && await IsCommon(db, FeedbackSearch.MatchExpression(search), cancellationToken);
        var (where, parameters) = Where(departmentId, request.Filter, common);

        // A common search joins each item to its search document; CROSS JOIN keeps the items (in inbox order) outside.
        var from = common ? "FeedbackItems AS f CROSS JOIN FeedbackSearchKeys AS k" : "FeedbackItems AS f";

        // One walk of the filtered inbox order from a position: the index is entered there (a row value compare is what
        // SQLite turns into one index range on (…, ReceivedAt, Id)).
        async Task<List<FeedbackItem>> Walk(InboxCursor? from_, int take, int skip)
        {
            var pageWhere = new List<string>(where);
            var pageParameters = new List<SqliteParameter>(Fresh(parameters));
            if (from_ is { } position)
            {
                pageWhere.Add("(f.ReceivedAt, f.Id) < ($cursorAt, $cursorId)");
                pageParameters.Add(new SqliteParameter("$cursorAt", position.ReceivedAt));
                pageParameters.Add(new SqliteParameter("$cursorId", GuidText(position.Id)));
            }

            pageParameters.Add(new SqliteParameter("$take", take));
            pageParameters.Add(new SqliteParameter("$skip", skip));
            var sql = $"""
                SELECT f.* FROM {from}
                WHERE {string.Join(" AND ", pageWhere)}
                ORDER BY f.ReceivedAt DESC, f.Id DESC
                LIMIT $take OFFSET $skip
                """;
            return await db.FeedbackItems.FromSqlRaw(sql, [.. pageParameters]).AsNoTracking().ToListAsync(cancellationToken);
        }

        if (request.Filter.SlaStates is { Count: > 0 } slaStates)
        {
            return await SlaPage(db, request, slaStates, employeeId, Walk, cancellationToken);
        }

        var offset = request.Page is { } page ? (page - 1) * request.PageSize : 0;
        var rows = await Walk(request.Cursor, request.PageSize + 1, offset);

        // One row past the page says whether another page exists, without counting.
        var hasMore = rows.Count > request.PageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        int? total = null;
        if (request.Cursor is null)
        {
            var countSql = $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM {from} WHERE {string.Join(" AND ", where)} LIMIT {CountCap + 1})";
            total = await db.Database.SqlQueryRaw<int>(countSql, [.. Fresh(parameters)]).SingleAsync(cancellationToken);
        }

        var items = await Decorate(db, rows, employeeId, cancellationToken);
        var clocks = await sla.ForAsync(db, [.. rows.Select(r => (r.Id, r.Priority, r.ReceivedAt))], cancellationToken);
        items = [.. items.Select(i => i with { Sla = clocks[i.Id] })];
        var next = hasMore && rows.Count > 0 ? new InboxCursor(rows[^1].ReceivedAt, rows[^1].Id).Encode() : null;
        return new FeedbackPage(items, total is null ? null : Math.Min(total.Value, CountCap), total is > CountCap,
            request.Page ?? (request.Cursor is null ? 1 : null), request.PageSize, next);
    }

    /// <summary>Items looked at per step of an SLA-filtered walk.</summary>
    private const int SlaBatch = 200;

    /// <summary>
    /// An SLA-filtered page looks at no more items than this: a state is computed per item from its events and the
    /// targets in force at this moment, so no index can jump to it. A rare state may then give a short (even empty) page
    /// whose <c>nextCursor</c> goes on from the last item looked at.
    /// </summary>
    public const int SlaScanLimit = 5_000;

    /// <summary>
    /// A page of items whose SLA state (the worse of the two clocks, now) is one of <paramref name="states"/>: walks the
    /// filtered inbox order in batches from the cursor, computing the clocks of each batch with one query, until the page
    /// is full, the inbox ends or <see cref="SlaScanLimit"/> items were looked at. Not counted: <c>total</c> is null.
    /// </summary>
    private async Task<FeedbackPage> SlaPage(GamifyDbContext db, InboxParameters.Parsed request, IReadOnlyList<string> states,
        Guid employeeId, Func<InboxCursor?, int, int, Task<List<FeedbackItem>>> walk, CancellationToken cancellationToken)
    {
        var wanted = states.ToHashSet(StringComparer.Ordinal);
        var matches = new List<FeedbackItem>();
        var clocks = new Dictionary<Guid, Sla.SlaDto>();
        var position = request.Cursor;
        var scanned = 0;
        var ended = false;
        while (matches.Count <= request.PageSize && scanned < SlaScanLimit)
        {
            var take = Math.Min(SlaBatch, SlaScanLimit - scanned);
            var batch = await walk(position, take, 0);
            var batchClocks = await sla.ForAsync(db, [.. batch.Select(r => (r.Id, r.Priority, r.ReceivedAt))], cancellationToken);
            foreach (var row in batch)
            {
                scanned++;
                position = new InboxCursor(row.ReceivedAt, row.Id);
                if (wanted.Contains(batchClocks[row.Id].State))
                {
                    matches.Add(row);
                    clocks[row.Id] = batchClocks[row.Id];
                    if (matches.Count > request.PageSize)
                    {
                        break;
                    }
                }
            }

            if (batch.Count < take && matches.Count <= request.PageSize)
            {
                ended = true;
                break;
            }
        }

        string? next;
        if (matches.Count > request.PageSize)
        {
            // A full page with one more match behind it: go on right after the page's last item.
            matches.RemoveAt(matches.Count - 1);
            next = new InboxCursor(matches[^1].ReceivedAt, matches[^1].Id).Encode();
        }
        else
        {
            // The inbox ended (no next page), or the scan limit was reached (go on from the last item looked at).
            next = ended || position is null ? null : position.Value.Encode();
        }

        var items = await Decorate(db, matches, employeeId, cancellationToken);
        items = [.. items.Select(i => i with { Sla = clocks[i.Id] })];
        return new FeedbackPage(items, null, false, request.Cursor is null ? 1 : null, request.PageSize, next);
    }

    /// <summary>
    /// One item with its history. People appear as <paramref name="reader"/> may see them (<see cref="Privacy.Visibility.Actor"/>):
    /// by name, by pseudonym, or as "A colleague" — the history, hand-offs, insights and resolution never put a real name
    /// or id next to an event the activity feed shows under a pseudonym.
    /// </summary>
    public async Task<FeedbackDetail?> Detail(Guid id, System.Security.Claims.ClaimsPrincipal reader)
    {
        var employeeId = Auth.GamifyClaims.GetEmployeeId(reader);
        await using var db = await dbFactory.CreateDbContextAsync();
        var item = await db.FeedbackItems.AsNoTracking().Include(f => f.Routings).FirstOrDefaultAsync(f => f.Id == id);
        if (item is null)
        {
            return null;
        }

        var events = await db.Events.AsNoTracking().Where(e => e.FeedbackId == id).OrderBy(e => e.Seq).ToListAsync();
        var thanked = employeeId is { } viewer
            ? (await db.Kudos.AsNoTracking().Where(k => k.FeedbackId == id && k.GiverId == viewer).Select(k => k.ReceiverId).ToListAsync()).ToHashSet()
            : [];
        var shown = new Dictionary<Guid, Shown>();
        Shown Who(Guid actor)
        {
            if (!shown.TryGetValue(actor, out var who))
            {
                who = directory.Employee(actor) is null ? new Shown(FormerEmployee, null, false, false, false)
                    : visibility.Actor(actor, reader) is { } person ? new Shown(person.Name, person.Id, person.Pseudonym, false, person.IsYou)
                    : new Shown(AColleague, null, false, true, false);
                shown[actor] = who;
            }

            return who;
        }

        var thankable = new HashSet<Guid>();
        var history = events.Select(e =>
        {
            var who = Who(e.EmployeeId);
            // One Thank per colleague: on their first action that a kudos can be for (as KudosService checks).
            var canThank = employeeId is not null && !who.IsYou && directory.Employee(e.EmployeeId) is not null
                && e.Type != ActionType.Kudos && e.Source != EngagementSources.Automation && thankable.Add(e.EmployeeId);
            return new HistoryEntry(e.EventId, ActionTypes.Name(e.Type), who.Name, DepartmentName(e.DepartmentId), e.OccurredAt,
                Describe(e), Note(e), e.Type == ActionType.Insight ? e.Text : null, e.Url,
                e.Type == ActionType.Forward && e.TargetDepartmentId is { } t ? Department(t) : null, who.Id,
                thanked.Contains(e.EmployeeId), who.Pseudonym, who.Hidden, who.IsYou, canThank);
        }).ToList();

        // The hand-off chain: where routing rules sent it, then every forward in order, with who sent it and why.
        var handOffs = item.Routings.Where(r => r.ForwardedByEventId is null).OrderBy(r => r.RoutedAt)
            .Select(r => new HandOff("routed", null, Department(r.DepartmentId), null, r.RoutedAt, null))
            .Concat(events.Where(e => e.Type == ActionType.Forward && e.TargetDepartmentId is not null)
                .Select(e => new HandOff("forwarded", Department(e.DepartmentId), Department(e.TargetDepartmentId!.Value),
                    Who(e.EmployeeId).Name, e.OccurredAt, e.Text)))
            .ToList();
        var insights = events.Where(e => e.Type == ActionType.Insight && e.Text is not null)
            .Select(e => new InsightLink(e.Text!, e.Url, Who(e.EmployeeId).Name, Department(e.DepartmentId), e.OccurredAt))
            .ToList();
        var resolution = events.LastOrDefault(e => e.Type is ActionType.Resolve or ActionType.Reopen) is { Type: ActionType.Resolve } r
            ? new Resolution(r.Text ?? "", Who(r.EmployeeId).Name, r.OccurredAt)
            : null;

        var readByMe = employeeId is { } me && events.Any(e => e.EmployeeId == me && e.Type == ActionType.Read);
        var tags = events.Where(e => e.Type == ActionType.Tag && e.Text is not null).Select(e => e.Text!)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var clocks = await sla.ForAsync(db, [(item.Id, item.Priority, item.ReceivedAt)]);
        return new FeedbackDetail(ToDto(item, [.. item.Routings.Select(r => r.DepartmentId)], readByMe, tags) with { Sla = clocks[item.Id] },
            history, handOffs, insights, resolution);
    }

    public async Task<bool> IsRoutedTo(Guid id, Guid departmentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.FeedbackRoutings.AnyAsync(r => r.FeedbackId == id && r.DepartmentId == departmentId);
    }

    /// <summary>The WHERE terms (joined by AND) and their parameters; every value is a parameter, never spliced in.</summary>
    private static (List<string> Where, List<SqliteParameter> Parameters) Where(Guid departmentId, InboxFilter filter, bool commonSearch)
    {
        var where = new List<string>
        {
            // The rule of the house: only what is routed to my department.
            "EXISTS (SELECT 1 FROM FeedbackRoutings AS r WHERE r.FeedbackId = f.Id AND r.DepartmentId = $department)",
        };
        var parameters = new List<SqliteParameter> { new("$department", GuidText(departmentId)) };

        if (filter.Status is { } status)
        {
            where.Add("f.Status = $status");
            parameters.Add(new SqliteParameter("$status", status.ToString()));
        }

        In("f.Channel", "channel", filter.Channels);
        In("f.Sentiment", "sentiment", filter.Sentiments.Select(s => s.ToString()).ToList());
        In("f.Priority", "priority", filter.Priorities.Select(p => p.ToString()).ToList());
        In("f.Language", "language", filter.Languages);

        if (filter.Search is { } search)
        {
            // Two shapes of one condition (FeedbackSearchKeys maps an item to its FTS document). A common word: its matches
            // are read once into a set of document ids and each item the ordered walk meets is checked against it — a page
            // is full long before the walk gets far. The IN stays at the top level of the statement, where SQLite computes
            // it once (written inside a correlated EXISTS, a page took 90 s with the bundled SQLite at 100k items), and the
            // unary + keeps it from driving the loop. A rare word: its few items are looked up by id and sorted.
            where.Add(commonSearch
                ? "k.ItemId = f.Id AND +k.DocId IN (SELECT rowid FROM FeedbackSearch WHERE FeedbackSearch MATCH $match)"
                : "f.Id IN (SELECT k.ItemId FROM FeedbackSearchKeys AS k " +
                  "WHERE k.DocId IN (SELECT rowid FROM FeedbackSearch WHERE FeedbackSearch MATCH $match))");
            parameters.Add(new SqliteParameter("$match", FeedbackSearch.MatchExpression(search)));
        }

        return (where, parameters);

        void In(string column, string name, IReadOnlyList<string> values)
        {
            if (values.Count == 0)
            {
                return;
            }

            var names = values.Select((_, i) => $"${name}{i}").ToList();
            where.Add($"{column} IN ({string.Join(", ", names)})");
            parameters.AddRange(values.Select((v, i) => new SqliteParameter(names[i], v)));
        }
    }

    /// <summary>Whether the search matches at least <see cref="CommonSearch"/> items; stops counting there.</summary>
    private static async Task<bool> IsCommon(GamifyDbContext db, string match, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>(
            $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM FeedbackSearch WHERE FeedbackSearch MATCH $match LIMIT {CommonSearch})",
            new SqliteParameter("$match", match)).SingleAsync(cancellationToken) >= CommonSearch;

    /// <summary>A parameter belongs to one command; the count query gets copies.</summary>
    private static IEnumerable<SqliteParameter> Fresh(IEnumerable<SqliteParameter> parameters) =>
        parameters.Select(p => new SqliteParameter(p.ParameterName, p.Value));

    /// <summary>Guids are stored as upper-case text; a bound Guid would be a blob and never compare equal.</summary>
    private static string GuidText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary>Routed departments, my reads and the tags for the page's items: three indexed look-ups for the whole page.</summary>
    private async Task<List<FeedbackItemDto>> Decorate(GamifyDbContext db, List<FeedbackItem> rows, Guid employeeId,
        CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var routings = (await db.FeedbackRoutings.AsNoTracking().Where(r => ids.Contains(r.FeedbackId))
            .Select(r => new { r.FeedbackId, r.DepartmentId, r.RoutedAt }).ToListAsync(cancellationToken))
            .ToLookup(r => r.FeedbackId);
        var read = (await db.Events.AsNoTracking()
            .Where(e => e.FeedbackId != null && ids.Contains(e.FeedbackId.Value) && e.EmployeeId == employeeId && e.Type == ActionType.Read)
            .Select(e => e.FeedbackId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var tags = (await db.Events.AsNoTracking()
            .Where(e => e.FeedbackId != null && ids.Contains(e.FeedbackId.Value) && e.Type == ActionType.Tag && e.Text != null)
            .OrderBy(e => e.Seq).Select(e => new { Id = e.FeedbackId!.Value, e.Text }).ToListAsync(cancellationToken))
            .ToLookup(t => t.Id, t => t.Text!);
        return [.. rows.Select(r => ToDto(r, routings[r.Id].OrderBy(x => x.RoutedAt).Select(x => x.DepartmentId), read.Contains(r.Id),
            [.. tags[r.Id].Distinct(StringComparer.OrdinalIgnoreCase)]))];
    }

    public const string FormerEmployee = "former employee";

    /// <summary>Whoever did it, for a reader who sees no individuals.</summary>
    public const string AColleague = "A colleague";

    private sealed record Shown(string Name, Guid? Id, bool Pseudonym, bool Hidden, bool IsYou);

    /// <summary>
    /// Who did the history entry <paramref name="eventId"/> of item <paramref name="feedbackId"/>, for thanking them without
    /// the caller learning who it was; null when the item has no such entry.
    /// </summary>
    public async Task<Guid?> ActorOf(Guid feedbackId, Guid eventId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Events.AsNoTracking().Where(e => e.EventId == eventId && e.FeedbackId == feedbackId)
            .Select(e => (Guid?)e.EmployeeId).FirstOrDefaultAsync();
    }

    private string DepartmentName(Guid id) => directory.Department(id)?.Name ?? "unknown";

    private DepartmentRef Department(Guid id) => new(id, DepartmentName(id));

    /// <summary>The free text a person wrote with the action (reply, tag, forward/resolve/reopen note); not an insight's title.</summary>
    private static string? Note(EngagementEvent e) => e.Type == ActionType.Insight ? null : e.Text;

    private string? Describe(EngagementEvent e) => e.Type switch
    {
        ActionType.Forward => $"to {DepartmentName(e.TargetDepartmentId ?? Guid.Empty)}" + (e.Text is null ? "" : $": {e.Text}"),
        ActionType.Insight when e.Url is not null => $"{e.Text} ({e.Url})",
        _ => e.Text,
    };

    private FeedbackItemDto ToDto(FeedbackItem f, IEnumerable<Guid> departments, bool readByMe, IReadOnlyList<string> tags) => new(
        f.Id, f.Channel, f.ExternalId, f.Author, f.Text, f.Url, f.Language,
        Lower(f.Sentiment), Lower(f.Priority), Lower(f.Status),
        [.. departments.Select(Department)], f.CreatedAt, f.ReceivedAt, f.ReplyCount, readByMe, tags, MentionsEmployee: f.MentionsEmployee,
        DuplicateOf: f.DuplicateOfId, Topics: Names(f.Topics), Products: Names(f.Products));

    private static string[] Names(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
