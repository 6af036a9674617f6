using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Server.Feedback;

/// <summary>Checks an action body and says exactly what is wrong with it.</summary>
public static class ActionValidation
{
    public sealed record ValidAction(ActionType Type, string? Text, Guid? TargetDepartmentId, string? Url, int? DwellSeconds = null);

    /// <summary>Longest dwell time a read may report: a day.</summary>
    public const int MaxDwellSeconds = 86_400;

    /// <summary>How much longer than its limit a text may arrive, for the markup and entities normalizing removes.</summary>
    private const int RawLengthFactor = 4;

    public static (ValidAction? Action, Dictionary<string, string[]> Errors) Validate(ActionIn? input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input is null)
        {
            errors["body"] = ["A JSON body with the action is required."];
            return (null, errors);
        }

        // Kudos are given through /api/kudos, never as an action on the item.
        if (!ActionTypes.TryParse(input.Type, out var type) || !ActionTypes.IsItemAction(type))
        {
            errors["type"] = [$"'type' must be one of: {string.Join(", ", ActionTypes.Actions.Select(ActionTypes.Name))}."];
            return (null, errors);
        }

        string? text = null;
        Guid? target = null;
        string? url = null;
        switch (type)
        {
            case ActionType.Reply:
                text = Required(input.Text, "text", "A reply needs its 'text'.", FeedbackLimits.NoteMaxLength, errors);
                break;
            case ActionType.Tag:
                text = Required(input.Text, "text", "A tag needs its 'text' (the tag).", FeedbackLimits.TitleMaxLength, errors);
                break;
            case ActionType.Forward:
                if (!Guid.TryParse(input.DepartmentId, out var department))
                {
                    errors["departmentId"] = ["Forwarding needs the 'departmentId' of the receiving department."];
                }
                else
                {
                    target = department;
                }

                text = Optional(input.Note, "note", FeedbackLimits.NoteMaxLength, errors);
                break;
            case ActionType.Insight:
                text = Required(input.Title, "title", "An insight needs the backlog item's 'title'.", FeedbackLimits.TitleMaxLength, errors);
                url = Optional(input.Url, "url", FeedbackLimits.UrlMaxLength, errors);
                if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                {
                    errors["url"] = ["'url' must be an absolute http or https address."];
                }

                break;
            case ActionType.Resolve:
                text = Required(input.Note, "note", "Resolving needs a resolution 'note' that says how the loop was closed.",
                    FeedbackLimits.NoteMaxLength, errors);
                break;
            case ActionType.Reopen:
                text = Optional(input.Note, "note", FeedbackLimits.NoteMaxLength, errors);
                break;
        }

        if (input.DwellSeconds is { } dwell && (dwell < 0 || dwell > MaxDwellSeconds))
        {
            errors["dwellSeconds"] = [$"'dwellSeconds' must be between 0 and {MaxDwellSeconds}."];
        }

        var dwellSeconds = type == ActionType.Read ? input.DwellSeconds : null;
        return errors.Count > 0 ? (null, errors) : (new ValidAction(type, text, target, url, dwellSeconds), errors);
    }

    private static string? Required(string? value, string field, string message, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
            return null;
        }

        var plain = Optional(value, field, max, errors);
        if (plain is null && !errors.ContainsKey(field))
        {
            errors[field] = [message];
        }

        return plain;
    }

    private static string? Optional(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        // Markup and entities make a text shorter, but not by this much; and normalizing a huge text (tag stripping)
        // costs time that grows with the square of its length, so it is refused before.
        if (value.Length > max * RawLengthFactor)
        {
            errors[field] = [$"'{field}' must be at most {max} characters."];
            return null;
        }

        var plain = TextNormalizer.PlainText(value);
        if (plain.Length > max)
        {
            errors[field] = [$"'{field}' must be at most {max} characters."];
            return null;
        }

        return TextValidation.HasVisibleText(plain) ? plain : null;
    }
}
