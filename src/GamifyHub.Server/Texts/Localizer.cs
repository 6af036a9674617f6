using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Texts;
using GamifyHub.Grains;

namespace GamifyHub.Server.Texts;

/// <summary>
/// Shows rule set texts (award reasons, badge names) in the language the client asks for with Accept-Language. The web
/// client sends the language its user picked; everything else gets English.
/// </summary>
public sealed class Localizer(IHttpContextAccessor http, RuleBook rules)
{
    private static readonly object LanguageKey = new();

    /// <summary>The request's language, read from its Accept-Language once per request (an answer may localize hundreds
    /// of award lines).</summary>
    public string Language
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return Domain.Texts.Language.Choose(null);
            }

            if (context.Items.TryGetValue(LanguageKey, out var chosen) && chosen is string language)
            {
                return language;
            }

            language = Domain.Texts.Language.Choose(context.Request.Headers.AcceptLanguage);
            context.Items[LanguageKey] = language;
            return language;
        }
    }

    public string Reason(AwardView award) => ReasonLocalizer.Localize(award.Reason, award.Rule, rules.Current, Language);

    public BadgeView Badge(BadgeView badge)
    {
        var definition = rules.Current.Badges.FirstOrDefault(b => b.Id == badge.Id);
        if (definition is null)
        {
            return badge;
        }

        var text = definition.TextIn(Language);
        return badge with { Name = text.Name, Description = text.Description };
    }

    public string Category(PointCategory category) => ReasonPhrases.CategoryName(category, Language);
}
