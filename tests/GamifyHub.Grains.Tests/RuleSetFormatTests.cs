using GamifyHub.Data;
using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains.Tests;

public sealed class RuleSetFormatTests
{
    [Fact]
    public void Format_3_round_trips_the_whole_rule_set_without_type_names()
    {
        var json = RuleSetFormat.Write(RuleSet.Default);

        Assert.Contains("\"format\":3", json);
        Assert.Contains("\"when\":{\"answered\":true}", json);
        Assert.Contains("\"when\":{\"answered\":false}", json);
        Assert.Contains("\"kind\":\"fastReplies\"", json);
        Assert.Contains("\"action\":\"read\"", json);
        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain("GamifyHub", json);
        var read = RuleSetFormat.Read(json);
        Assert.Equal(json, RuleSetFormat.Write(read));
        Assert.Empty(RuleSetValidator.Validate(read));
        Assert.Equal(RuleSet.Default.Badges.Select(b => b.Criterion), read.Badges.Select(b => b.Criterion));
    }

    [Fact]
    public void Conditions_survive_a_round_trip()
    {
        var department = Guid.NewGuid();
        var rules = RuleSet.Default with
        {
            Rules = [.. RuleSet.Default.Rules, new ScoringRule("rnd-listens", ActionType.Read, PointCategory.Listening, 2, "R&D listens",
                new RuleConditions(Channels: ["x"], Sentiments: [Domain.Feedback.Sentiment.Negative], DepartmentIds: [department], WithinSlaMinutes: 60))],
        };

        var read = RuleSetFormat.Read(RuleSetFormat.Write(rules));

        var when = read.Rules[^1].When!;
        Assert.Equal(["x"], when.Channels!);
        Assert.Equal([department], when.DepartmentIds!);
        Assert.Equal(60, when.WithinSlaMinutes);
        Assert.Null(when.Answered);
        Assert.Null(read.Rules[0].When);
        Assert.Equal([true, false], read.Rules.Where(r => r.Action == ActionType.Resolve).Select(r => r.When!.Answered!.Value));
    }

    /// <summary>The default before outcome-weighted scoring: one resolve rule, no condition.</summary>
    private static readonly RuleSet BeforeAnswered = RuleSet.Default with
    {
        Rules = [.. RuleSet.Default.Rules.Where(r => r.Id != "resolve-unanswered").Select(r => r.Id == "resolve" ? r with { When = null } : r)],
    };

    [Fact]
    public void A_stored_format_2_rule_set_reads_unchanged_and_still_pays_every_resolve_alike()
    {
        var v2 = RuleSetFormat.Write(BeforeAnswered).Replace("\"format\":3", "\"format\":2", StringComparison.Ordinal);
        Assert.Contains("\"format\":2", v2);

        var read = RuleSetFormat.Read(v2);

        Assert.Equal(RuleSetFormat.Write(BeforeAnswered), RuleSetFormat.Write(read));
        var resolve = Assert.Single(read.Rules, r => r.Action == ActionType.Resolve);
        Assert.Null(resolve.When);
        var employee = Guid.NewGuid();
        foreach (var answered in new[] { false, true })
        {
            var item = new ItemFacts(Guid.NewGuid(), "facebook", Domain.Feedback.Sentiment.Neutral, Domain.Feedback.Priority.Normal, "en",
                [Guid.Empty], DateTimeOffset.UnixEpoch, IsFirstReply: false, Answered: answered, [], []);
            var fact = new EngagementFact(Guid.NewGuid(), employee, Guid.Empty, ActionType.Resolve, DateTimeOffset.UnixEpoch.AddHours(1), "web", null, item);
            var line = Assert.Single(new EmployeeLedger(employee).Score(read, fact, TimeZoneInfo.Utc).Awards);
            Assert.Equal(("resolve", 8), (line.RuleId, line.Points));
        }
    }

    [Fact]
    public void A_format_2_document_naming_the_format_3_condition_is_refused()
    {
        var json = RuleSetFormat.Write(RuleSet.Default).Replace("\"format\":3", "\"format\":2", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => RuleSetFormat.Read(json));
        Assert.Contains("answered", error.Message);
    }

    [Fact]
    public void Format_1_is_read_as_its_rules_with_the_default_settings_and_the_bonus_as_a_first_responder_multiplier()
    {
        const string v1 = """
            {"format":1,"version":3,"firstReplyBonus":5,"rules":[
              {"id":"read","action":"read","category":"listening","points":1,"reason":"Read"},
              {"id":"reply","action":"reply","category":"responding","points":5,"reason":"Replied"}]}
            """;

        var rules = RuleSetFormat.Read(v1);

        Assert.Equal(3, rules.Version);
        Assert.Equal(["read", "reply"], rules.Rules.Select(r => r.Id));
        Assert.Equal(2m, rules.Multipliers.FirstResponder);
        Assert.Equal(RuleSet.Default.Limits, rules.Limits);
        Assert.Equal(RuleSet.Default.Badges, rules.Badges);
        Assert.Empty(RuleSetValidator.Validate(rules));
    }

    [Theory]
    [InlineData("{\"format\":9}")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Unreadable_documents_are_refused_clearly(string json) =>
        Assert.Throws<InvalidDataException>(() => RuleSetFormat.Read(json));

    [Fact]
    public void An_unknown_badge_kind_is_refused()
    {
        var json = RuleSetFormat.Write(RuleSet.Default).Replace("\"kind\":\"streak\"", "\"kind\":\"moonPhase\"");
        Assert.Throws<InvalidDataException>(() => RuleSetFormat.Read(json));
    }
}
