using System.Globalization;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Routing;
using GamifyHub.Domain.Topics;
using GamifyHub.Grains.Live;

namespace GamifyHub.Server.Feedback;

/// <summary>Validates, normalizes, classifies and routes incoming feedback, then hands it to the writer.</summary>
public sealed partial class FeedbackIntakeService(EngagementWriter writer, RoutingRuleCache routing, CompanyDirectory directory,
    TaxonomyBook taxonomy, TimeProvider time, ILiveNotifier notifier, ILogger<FeedbackIntakeService> logger)
{
    private const int ExcerptLength = 140;

    public static Dictionary<string, string[]> Validate(FeedbackIn? input, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[prefix + field] = [message];

        if (input is null)
        {
            Error("item", "A feedback item is required.");
            return errors;
        }

        if (!Channels.IsKnown(input.Channel))
        {
            Error("channel", $"'channel' must be one of: {string.Join(", ", Channels.Known)}.");
        }

        if (string.IsNullOrWhiteSpace(input.ExternalId))
        {
            Error("externalId", "'externalId' is required: the item's id on its channel.");
        }
        else if (input.ExternalId.Length > FeedbackLimits.ExternalIdMaxLength || TextNormalizer.HasControlCharacters(input.ExternalId))
        {
            Error("externalId", $"'externalId' must be at most {FeedbackLimits.ExternalIdMaxLength} characters without control characters.");
        }

        if (input.Author is { Length: > FeedbackLimits.AuthorMaxLength })
        {
            Error("author", $"'author' must be at most {FeedbackLimits.AuthorMaxLength} characters.");
        }

        // The length first: normalizing a huge text (tag stripping) costs time that grows with the square of its length.
        if (input.Text is { Length: > FeedbackLimits.TextMaxLength })
        {
            Error("text", $"'text' must be at most {FeedbackLimits.TextMaxLength} characters.");
        }
        else if (string.IsNullOrWhiteSpace(input.Text) || !TextValidation.HasVisibleText(TextNormalizer.PlainText(input.Text)))
        {
            Error("text", "'text' is required and must contain visible text.");
        }

        if (input.Url is not null && (input.Url.Length > FeedbackLimits.UrlMaxLength
            || !Uri.TryCreate(input.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            Error("url", "'url' must be an absolute http or https address.");
        }

        if (input.Language is not null && input.Language is not ("en" or "de"))
        {
            Error("language", "'language' must be 'en' or 'de' (or left out to detect it).");
        }

        if (input.CreatedAt is not null && !DateTimeOffset.TryParse(input.CreatedAt, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out _))
        {
            Error("createdAt", "'createdAt' must be an ISO 8601 date and time.");
        }

        return errors;
    }

    /// <summary>Stores a validated item; answers the existing item when (channel, externalId) is already known.</summary>
    public async Task<FeedbackAccepted> IngestAsync(FeedbackIn input)
    {
        var intake = await PrepareAsync(input);
        var outcome = await writer.IngestAsync(intake);
        if (!outcome.Duplicate && intake.Priority == Priority.High)
        {
            // After the commit and off the caller's path: an integrator's batch is not held up by the notification centre.
            _ = Task.Run(() => NotifyHighPriority(outcome, intake));
        }

        return new FeedbackAccepted(outcome.Id, [.. outcome.DepartmentIds.Select(Ref)], outcome.Duplicate, outcome.DuplicateOf);
    }

    /// <summary>Normalizes, classifies and routes a validated item.</summary>
    public async Task<FeedbackIntake> PrepareAsync(FeedbackIn input)
    {
        var text = TextNormalizer.PlainText(input.Text!);
        var sentimentScore = SentimentAnalyzer.Score(text);
        var (rules, triage) = await routing.GetAsync();
        // Topics and products first: routing rules may match on them.
        var topics = TopicClassifier.Classify(text, taxonomy.Current);
        var departments = FeedbackRouter.Route(text, input.Channel!, topics.Topics, topics.Products, rules, triage);
        var createdAt = input.CreatedAt is null
            ? time.GetUtcNow().UtcDateTime
            : DateTimeOffset.Parse(input.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;

        return new FeedbackIntake(
            input.Channel!,
            input.ExternalId!.Trim(),
            string.IsNullOrWhiteSpace(input.Author) ? "anonymous" : TextNormalizer.PlainText(input.Author),
            text,
            input.Url,
            input.Language ?? LanguageDetector.Detect(text),
            SentimentAnalyzer.Classify(text),
            PriorityRules.For(sentimentScore),
            createdAt,
            departments,
            // Only a flag: the name is never passed on, so routing, scoring and records cannot attribute anything to that person.
            directory.MentionsEmployee(text),
            topics.Topics,
            topics.Products);
    }

    /// <summary>Tells the employees of every department a new high-priority item was routed to (their team, not one person).</summary>
    private async Task NotifyHighPriority(IntakeOutcome outcome, FeedbackIntake intake)
    {
        try
        {
            var excerpt = intake.Text.Length <= ExcerptLength ? intake.Text : intake.Text[..ExcerptLength] + "…";
            var notification = NotificationTexts.HighPriority(outcome.Id, intake.Channel, excerpt, time.GetUtcNow().UtcDateTime);
            foreach (var employee in outcome.DepartmentIds.SelectMany(directory.EmployeesOf).Distinct())
            {
                await notifier.Notify(employee, notification);
            }
        }
        catch (Exception ex)
        {
            LogNotifyFailed(logger, ex, outcome.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifying about high-priority feedback {FeedbackId} failed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, Guid feedbackId);

    private DepartmentRef Ref(Guid id) => new(id, directory.Department(id)?.Name ?? "unknown");
}
