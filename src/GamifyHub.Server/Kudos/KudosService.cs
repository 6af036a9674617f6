using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Kudos;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Kudos;

public sealed class KudosOptions
{
    /// <summary>How many kudos one employee may give per company-local day.</summary>
    public int DailyLimit { get; set; } = KudosPolicy.DefaultDailyLimit;
}

/// <summary>What giving a kudos did.</summary>
/// <param name="Duplicate">This giver had already thanked this colleague for this item; nothing new was given.</param>
public sealed record KudosOutcome(KudosRejection Rejection, KudosEntry? Kudos, bool Duplicate, int Points, int GivenToday, int DailyLimit);

/// <summary>
/// Gives kudos. The kudos row is committed through the single writer (which serializes the daily-limit check, so
/// concurrent requests cannot overshoot it); the receiver's Collaboration points are then an engagement event of type
/// <see cref="ActionType.Kudos"/> with the kudos' id as event id, scored by the rules like any event — so a retry records
/// them once and rescoring keeps them. A crash between the two is repaired by retrying the same kudos.
/// </summary>
public sealed class KudosService(EngagementWriter writer, IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory,
    IGrainFactory grains, ILiveNotifier notifier, TimeProvider time, IOptions<KudosOptions> options, IOptions<CompanyOptions> company,
    Privacy.Visibility visibility)
{
    public const string Source = "kudos";

    public int DailyLimit => Math.Max(0, options.Value.DailyLimit);

    public async Task<int> GivenToday(Guid giver)
    {
        var since = KudosPolicy.StartOfDay(time.GetUtcNow(), company.Value.Zone);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Kudos.CountAsync(k => k.GiverId == giver && k.GivenAt >= since);
    }

    public async Task<KudosOutcome> GiveAsync(Guid giver, Guid receiver, Guid feedbackId, string? message)
    {
        var limit = DailyLimit;
        // The cheap checks first, without the writer: yourself, the message, whether the colleague acted on the item.
        bool acted;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            acted = giver != receiver && await db.Events.AnyAsync(e => e.FeedbackId == feedbackId && e.EmployeeId == receiver
                && e.Type != ActionType.Kudos && e.Source != EngagementSources.Automation);
        }

        var early = KudosPolicy.Check(giver, receiver, message, acted, 0, int.MaxValue);
        if (early != KudosRejection.None)
        {
            return new KudosOutcome(early, null, false, 0, 0, limit);
        }

        var giverDepartment = directory.Employee(giver)?.DepartmentId ?? Guid.Empty;
        var receiverDepartment = directory.Employee(receiver)?.DepartmentId ?? Guid.Empty;
        var now = time.GetUtcNow();
        var since = KudosPolicy.StartOfDay(now, company.Value.Zone);
        var (rejection, entry, duplicate, givenToday) = await writer.ExclusiveAsync(async db =>
        {
            var existing = await db.Kudos.AsNoTracking()
                .FirstOrDefaultAsync(k => k.GiverId == giver && k.ReceiverId == receiver && k.FeedbackId == feedbackId);
            var given = await db.Kudos.CountAsync(k => k.GiverId == giver && k.GivenAt >= since);
            if (existing is not null)
            {
                return (KudosRejection.None, existing, true, given);
            }

            var check = KudosPolicy.Check(giver, receiver, message, true, given, limit);
            if (check != KudosRejection.None)
            {
                return (check, (KudosEntry?)null, false, given);
            }

            var kudos = new KudosEntry
            {
                Id = Guid.CreateVersion7(), GiverId = giver, GiverDepartmentId = giverDepartment, ReceiverId = receiver,
                ReceiverDepartmentId = receiverDepartment, FeedbackId = feedbackId, Message = message, GivenAt = now.UtcDateTime,
            };
            db.Kudos.Add(kudos);
            await db.SaveChangesAsync();
            return (KudosRejection.None, kudos, false, given + 1);
        });

        if (rejection != KudosRejection.None)
        {
            return new KudosOutcome(rejection, null, false, 0, givenToday, limit);
        }

        // The event id is the kudos id: a retry of a kudos whose points were not recorded yet records them now, once.
        var outcome = await grains.GetGrain<IEmployeeGrain>(receiver).RecordExternal(new ActionCommand(entry!.Id, receiver,
            entry.ReceiverDepartmentId, ActionType.Kudos, entry.GivenAt, Source));
        if (!outcome.Duplicate)
        {
            // The giver as the receiver may see them: under their pseudonym unless they opted in, as in the receiver's feed,
            // so the notification never ties that pseudonym to a name.
            var giverName = directory.Employee(giver) is null ? "A colleague" : visibility.Person(giver, receiver).Name;
            await notifier.Notify(receiver, NotificationTexts.Kudos(entry.Id, giverName, entry.Message, outcome.Points, entry.GivenAt));
        }

        return new KudosOutcome(KudosRejection.None, entry, duplicate, outcome.Points, givenToday, limit);
    }
}
