using System.Globalization;
using System.Security.Claims;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Grains.Notifications;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using GamifyHub.Server.Texts;

namespace GamifyHub.Server.Notifications;

/// <summary>The signed-in employee's notification centre: list (paged), unread count, mark read, mute preferences.</summary>
public static class NotificationEndpoints
{
    public const int DefaultLimit = 20;

    /// <param name="Title">In the request's language (Accept-Language); <paramref name="Translations"/> has the others.</param>
    public sealed record NotificationDto(Guid Id, string Type, string Title, string Message, int Points, DateTime OccurredAt, bool Read,
        DateTime? ReadAt, IReadOnlyDictionary<string, NotificationText>? Translations);

    public sealed record NotificationPageDto(IReadOnlyList<NotificationDto> Items, int Unread, string? NextCursor);

    public sealed record UnreadDto(int Unread);

    public sealed record MarkReadIn(IReadOnlyList<Guid>? Ids);

    public sealed record PreferencesDto(IReadOnlyList<string> Muted, IReadOnlyList<string> Types);

    public sealed record PreferencesIn(IReadOnlyList<string>? Muted);

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Employee);
        group.MapGet("", List);
        group.MapGet("/unread", Unread);
        group.MapPost("/read", MarkRead);
        group.MapPost("/{id:guid}/read", MarkOneRead);
        group.MapPost("/read-all", MarkAllRead);
        group.MapGet("/preferences", GetPreferences);
        group.MapPut("/preferences", SetPreferences);
        return api;
    }

    private static INotificationInboxGrain Inbox(IGrainFactory grains, ClaimsPrincipal user) =>
        grains.GetGrain<INotificationInboxGrain>(user.GetEmployeeId()!.Value);

    private static async Task<IResult> List(ClaimsPrincipal user, IGrainFactory grains, Localizer texts, string? cursor = null,
        string? limit = null, string? unread = null)
    {
        long? before = null;
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                return ApiProblems.Validation("cursor", "'cursor' must be the nextCursor of a previous page.");
            }

            before = parsed;
        }

        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1
            || take > NotificationInboxGrain.MaxPage))
        {
            return ApiProblems.Validation("limit", $"'limit' must be a whole number from 1 to {NotificationInboxGrain.MaxPage}.");
        }

        bool unreadOnly = false;
        if (unread is not null && !bool.TryParse(unread, out unreadOnly))
        {
            return ApiProblems.Validation("unread", "'unread' must be true or false.");
        }

        var page = await Inbox(grains, user).List(before, take, unreadOnly);
        return TypedResults.Ok(new NotificationPageDto([.. page.Items.Select(i => Present(i, texts.Language))], page.Unread,
            page.NextCursor?.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<UnreadDto> Unread(ClaimsPrincipal user, IGrainFactory grains) =>
        new(await Inbox(grains, user).GetUnread());

    private static async Task<IResult> MarkRead(MarkReadIn? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body?.Ids is not { Count: > 0 and <= NotificationInboxGrain.MaxPage } ids)
        {
            return ApiProblems.Validation("ids", $"'ids' must list 1 to {NotificationInboxGrain.MaxPage} notification ids.");
        }

        return TypedResults.Ok(new UnreadDto(await Inbox(grains, user).MarkRead(ids)));
    }

    private static async Task<UnreadDto> MarkOneRead(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        new(await Inbox(grains, user).MarkRead([id]));

    private static async Task<UnreadDto> MarkAllRead(ClaimsPrincipal user, IGrainFactory grains) =>
        new(await Inbox(grains, user).MarkAllRead());

    private static async Task<PreferencesDto> GetPreferences(ClaimsPrincipal user, IGrainFactory grains) =>
        new(await Inbox(grains, user).GetMuted(), NotificationTypes.All);

    private static async Task<IResult> SetPreferences(PreferencesIn? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body?.Muted is not { } muted)
        {
            return ApiProblems.Validation("muted", "A body {\"muted\": [types]} is required; an empty list mutes nothing.");
        }

        var unknown = muted.Where(t => !NotificationTypes.All.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            return ApiProblems.Validation("muted",
                $"Unknown notification type(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", NotificationTypes.All)}.");
        }

        var inbox = Inbox(grains, user);
        await inbox.SetMuted(muted);
        return TypedResults.Ok(new PreferencesDto(await inbox.GetMuted(), NotificationTypes.All));
    }

    private static NotificationDto Present(StoredNotification stored, string language)
    {
        var n = stored.Notification;
        var text = n.Translations?.GetValueOrDefault(language) ?? new NotificationText(n.Title, n.Message);
        return new NotificationDto(n.Id, n.Type, text.Title, text.Message, n.Points, n.OccurredAt, stored.ReadAt is not null, stored.ReadAt,
            n.Translations);
    }
}
