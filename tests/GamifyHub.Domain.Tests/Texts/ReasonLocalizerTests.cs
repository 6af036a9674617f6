using FsCheck.Xunit;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Texts;

namespace GamifyHub.Domain.Tests.Texts;

public class ReasonLocalizerTests
{
    private static readonly RuleSet Default = RuleSet.Default;

    private static readonly string[] EnglishPhrases =
    [
        "first responder", "negative feedback turned round", "diminishing returns", "cap reached", "Shared credit", "reopened",
        .. Default.Rules.Select(r => r.Reason), .. EngagementLog.Tight.Rules.Select(r => r.Reason),
    ];

    [Theory]
    [InlineData("Replied to a customer", "reply", "Einem Kunden geantwortet")]
    [InlineData("Replied to a customer ×2 first responder", "reply", "Einem Kunden geantwortet ×2 erste Antwort")]
    [InlineData("Closed the loop with the customer ×1.5 negative feedback turned round (diminishing returns)", "resolve",
        "Den Kreis zum Kunden geschlossen ×1.5 negatives Feedback ins Positive gewendet (abnehmender Ertrag)")]
    [InlineData("Read a customer's feedback (daily Listening cap reached)", "read", "Kundenfeedback gelesen (Tageslimit Zuhören erreicht)")]
    [InlineData("Read a customer's feedback (diminishing returns) (daily Listening cap reached)", "read",
        "Kundenfeedback gelesen (abnehmender Ertrag) (Tageslimit Zuhören erreicht)")]
    [InlineData("Closed the loop with the customer (daily Responding cap reached) (2 shared with the colleagues who forwarded it)", "resolve",
        "Den Kreis zum Kunden geschlossen (Tageslimit Antworten erreicht) (2 davon geteilt mit den Kolleginnen und Kollegen, die es weitergeleitet haben)")]
    [InlineData("Resolution reopened: points returned", "resolve:clawback", "Lösung wieder geöffnet: Punkte zurückgebucht")]
    [InlineData("Shared credit: you forwarded feedback that was then resolved", "resolve:shared",
        "Geteilte Punkte: Sie haben Feedback weitergeleitet, das danach gelöst wurde")]
    public void RendersEveryPartOfAStoredReasonInGerman(string stored, string ruleId, string german)
    {
        Assert.Equal(german, ReasonLocalizer.Localize(stored, ruleId, Default, Language.German));
        Assert.Equal(stored, ReasonLocalizer.Localize(stored, ruleId, Default, Language.English));
    }

    [Theory]
    [InlineData("Something an older rule set said", "reply")]
    [InlineData("Replied to a customer ×3 first responder", "reply")] // a multiplier the rules in force do not have
    [InlineData("Replied to a customer", "no-such-rule")]
    public void LeavesWhatItDoesNotRecogniseInEnglish(string stored, string ruleId)
    {
        Assert.Equal(stored, ReasonLocalizer.Localize(stored, ruleId, Default, Language.German));
    }

    [Fact]
    public void ARuleWithoutATranslationKeepsItsEnglishReasonButTheSuffixesAreTranslated()
    {
        var rules = Default with { Rules = [.. Default.Rules.Select(r => r with { Translations = null })] };

        Assert.Equal("Replied to a customer ×2 erste Antwort",
            ReasonLocalizer.Localize("Replied to a customer ×2 first responder", "reply", rules, Language.German));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void EveryReasonScoringProducesUnderTheDefaultRulesHasAGermanRendering(EngagementLog log)
    {
        var rules = log.Rules with
        {
            Rules = [.. log.Rules.Rules.Select(r => r with
            {
                Translations = Default.Rules.FirstOrDefault(d => d.Id == r.Id)?.Translations
                    ?? new Dictionary<string, string> { [Language.German] = $"Regel {r.Id}" },
            })],
        };
        var result = ScoreReplay.Run(rules, log.Events, log.Items, Fixtures.Berlin);

        foreach (var line in result.Events.SelectMany(e => e.Awards))
        {
            var german = ReasonLocalizer.Localize(line.Reason, line.RuleId, rules, Language.German);
            var left = EnglishPhrases.FirstOrDefault(phrase => german.Contains(phrase, StringComparison.Ordinal));
            Assert.True(left is null, $"'{line.Reason}' ({line.RuleId}) rendered as '{german}' still says '{left}'.");
        }
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("de", "de")]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "de")]
    [InlineData("en-US,en;q=0.9,de;q=0.8", "en")]
    [InlineData("fr-FR,fr;q=0.9,de;q=0.5", "de")]
    [InlineData("fr-FR", "en")]
    [InlineData("de;q=0, en", "en")]
    [InlineData("de;q=abc", "de")]
    public void ChoosesTheBestSupportedLanguageFromAcceptLanguage(string? header, string expected)
    {
        Assert.Equal(expected, Language.Choose(header));
    }

    [Fact]
    public void TheDefaultRuleSetSpeaksGermanForEveryRuleAndBadge()
    {
        Assert.All(Default.Rules, r => Assert.NotEqual(r.Reason, r.ReasonIn(Language.German)));
        Assert.All(Default.Badges, b => Assert.NotEqual(b.Name, b.TextIn(Language.German).Name));
        Assert.Empty(RuleSetValidator.Validate(Default));
    }

    [Fact]
    public void TheValidatorRefusesEmptyTranslationsAndUnknownLanguageCodes()
    {
        var rules = Default with
        {
            Rules = [Default.Rules[0] with { Translations = new Dictionary<string, string> { ["de"] = " ", ["EN"] = "x" } }, .. Default.Rules.Skip(1)],
        };

        var errors = RuleSetValidator.Validate(rules);

        Assert.Contains(errors, e => e.Path.EndsWith(".Translations.de", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path.EndsWith(".Translations.EN", StringComparison.Ordinal));
    }
}
