namespace GamifyHub.Domain.Kudos;

/// <summary>Why a kudos is refused. Checked in this order, so the answer names the first problem.</summary>
public enum KudosRejection { None, Self, MessageTooLong, NotAParticipant, DailyLimitReached }

/// <summary>
/// Who may thank whom: never yourself, only a colleague who acted on the item, a short message, and a few per day per
/// giver (a company-local day) so thanks stay meaningful and cannot be farmed.
/// </summary>
public static class KudosPolicy
{
    public const int MessageMaxLength = 300;
    public const int DefaultDailyLimit = 5;

    public static KudosRejection Check(Guid giver, Guid receiver, string? message, bool receiverActedOnItem, int givenToday, int dailyLimit)
    {
        if (giver == receiver)
        {
            return KudosRejection.Self;
        }

        if (message is { Length: > MessageMaxLength })
        {
            return KudosRejection.MessageTooLong;
        }

        if (!receiverActedOnItem)
        {
            return KudosRejection.NotAParticipant;
        }

        return givenToday >= dailyLimit ? KudosRejection.DailyLimitReached : KudosRejection.None;
    }

    /// <summary>The UTC instant the company-local day of <paramref name="now"/> began.</summary>
    public static DateTime StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        // A day starting inside a DST gap begins at the first valid local time after midnight.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(midnight, DateTimeKind.Unspecified), zone);
    }
}
