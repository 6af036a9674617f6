using GamifyHub.Domain.Kudos;

namespace GamifyHub.Domain.Tests.Kudos;

public sealed class KudosPolicyTests
{
    private static readonly Guid Giver = Guid.CreateVersion7();
    private static readonly Guid Receiver = Guid.CreateVersion7();

    [Fact]
    public void Thanking_a_colleague_who_acted_is_allowed_below_the_limit() =>
        Assert.Equal(KudosRejection.None, KudosPolicy.Check(Giver, Receiver, "Thanks!", true, 4, 5));

    [Fact]
    public void Never_yourself_even_when_you_acted() =>
        Assert.Equal(KudosRejection.Self, KudosPolicy.Check(Giver, Giver, null, true, 0, 5));

    [Fact]
    public void Only_a_colleague_who_acted_on_the_item() =>
        Assert.Equal(KudosRejection.NotAParticipant, KudosPolicy.Check(Giver, Receiver, null, false, 0, 5));

    [Theory]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    [InlineData(0, 0)]
    public void The_daily_limit_counts_what_was_given_today(int givenToday, int limit) =>
        Assert.Equal(KudosRejection.DailyLimitReached, KudosPolicy.Check(Giver, Receiver, null, true, givenToday, limit));

    [Fact]
    public void A_message_is_at_most_300_characters()
    {
        Assert.Equal(KudosRejection.None, KudosPolicy.Check(Giver, Receiver, new string('x', 300), true, 0, 5));
        Assert.Equal(KudosRejection.MessageTooLong, KudosPolicy.Check(Giver, Receiver, new string('x', 301), true, 0, 5));
    }

    [Fact]
    public void The_day_starts_at_local_midnight_in_the_company_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 00:30 in Berlin (summer, UTC+2) is 22:30 UTC the evening before: that day began at 22:00 UTC.
        Assert.Equal(new DateTime(2026, 6, 30, 22, 0, 0, DateTimeKind.Utc),
            KudosPolicy.StartOfDay(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero), berlin));
        // Winter (UTC+1).
        Assert.Equal(new DateTime(2026, 1, 14, 23, 0, 0, DateTimeKind.Utc),
            KudosPolicy.StartOfDay(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), berlin));
    }
}
