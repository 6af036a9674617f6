using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GamifyHub.Server.Webhooks;

public static partial class WebhookEndpoints
{
    /// <summary>A delivery is one item or a batch of them; far below the general body limit.</summary>
    public const long MaxDeliveryBytes = 4_000_000;

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        // The signature is the credential: no sign-in, no API key.
        api.MapPost("/webhooks/{source}", Receive).WithTags("Webhooks").AllowAnonymous()
            .WithMetadata(new RequestSizeLimit(MaxDeliveryBytes)).RequireRateLimiting(Security.RateLimits.Intake);

        var admin = api.MapGroup("/admin/webhooks").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", List);
        admin.MapPost("/", Create);
        admin.MapPost("/{name}/secret", Rotate);
        admin.MapDelete("/{name}", Delete);
        return api;
    }

    // ------------------------------------------------------------------ deliveries

    /// <summary>
    /// Checks the signature over the raw body before anything reads it, refuses replays, then takes the item(s) in
    /// exactly like <c>POST /api/feedback</c> (and <c>/batch</c>). A refusal stores nothing.
    /// </summary>
    private static async Task<IResult> Receive(string source, HttpRequest request, WebhookSourceStore sources, WebhookSecrets secrets,
        WebhookReplayGuard replays, FeedbackIntakeService intake, IOptions<JsonOptions> json, TimeProvider time, ILoggerFactory loggers)
    {
        // The headers first, then the source, and only then the body: nothing is buffered for a malformed, stale or
        // unknown delivery, and each step answers the same whether or not the source exists.
        var timestamp = request.Headers[WebhookSignature.TimestampHeader].ToString();
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString();
        var headers = WebhookSignature.CheckHeaders(timestamp, signature, time.GetUtcNow());
        if (headers != SignatureCheck.Valid)
        {
            return SignatureProblem(WebhookSignature.Explain(headers));
        }

        var found = IsName(source) ? await sources.FindAsync(source) : null;
        var secret = found is null ? null : secrets.Unprotect(found.ProtectedSecret);
        if (found is null || secret is null)
        {
            if (found is not null)
            {
                loggers.CreateLogger("GamifyHub.Server.Webhooks").LogWarning("A delivery for webhook source {Source} was refused: its secret cannot be decrypted (key folder lost?); rotate it", found.Name);
            }

            // Unknown, deleted or undecryptable: answered like a wrong signature, so the answer tells no one which names exist.
            return SignatureProblem(WebhookSignature.Explain(SignatureCheck.Mismatch));
        }

        var body = await ReadBody(request);
        var check = WebhookSignature.Verify(secret, timestamp, signature, body, time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            return SignatureProblem(WebhookSignature.Explain(check));
        }

        if (!replays.TryClaim(found.Name, signature))
        {
            return SignatureProblem("This delivery (its timestamp and signature) was received before; sign a retry with a new timestamp.");
        }

        var stored = false;
        try
        {
            var (answer, ok) = await Take(body, request.ContentType, found, intake, json.Value.SerializerOptions);
            stored = ok;
            return answer;
        }
        finally
        {
            if (!stored)
            {
                replays.Release(found.Name, signature);
            }
        }
    }

    private static async Task<(IResult Answer, bool Stored)> Take(byte[] body, string? contentType, WebhookSource source,
        FeedbackIntakeService intake, JsonSerializerOptions options)
    {
        if (!IsUtf8Json(contentType))
        {
            return (ApiProblems.UnsupportedMediaType("Send the delivery as JSON in UTF-8 with Content-Type: application/json."), false);
        }

        WebhookIn? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<WebhookIn>(body, options);
        }
        catch (JsonException e)
        {
            // The exception handler explains it in the terms of the JSON the sender wrote.
            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }

        if (delivery is null)
        {
            return (ApiProblems.Validation("item", "The delivery must be a feedback item or {\"items\": [...]}."), false);
        }

        if (delivery.IsBatch && delivery.HasItemFields)
        {
            return (ApiProblems.Validation("items", "Send either one item's fields or 'items', not both."), false);
        }

        var items = delivery.IsBatch ? delivery.Items! : [delivery.AsItem()];
        if (items.Count is 0 or > FeedbackLimits.BatchMaxItems)
        {
            return (ApiProblems.Validation("items", $"'items' must hold 1 to {FeedbackLimits.BatchMaxItems} feedback items."), false);
        }

        var prepared = items.Select(i => i is null || i.Channel is not null ? i : i with { Channel = source.Channel }).ToList();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < prepared.Count; i++)
        {
            foreach (var (field, messages) in FeedbackIntakeService.Validate(prepared[i], delivery.IsBatch ? $"items[{i}]." : ""))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return (ApiProblems.Validation(errors), false);
        }

        // Queued together, so the writer commits them in one group instead of one commit each.
        var results = await Task.WhenAll(prepared.Select(i => intake.IngestAsync(i!)));

        if (delivery.IsBatch)
        {
            return (TypedResults.Ok(new FeedbackBatchAccepted(results)), true);
        }

        return (results[0].Duplicate ? TypedResults.Ok(results[0]) : TypedResults.Created($"/api/feedback/{results[0].Id}", results[0]), true);
    }

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        // The size is capped by RequestGuards (MaxDeliveryBytes); a longer body fails the read with a 413.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static IResult SignatureProblem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "The delivery is not signed correctly.");

    // ------------------------------------------------------------------ administration

    private static async Task<IResult> List(WebhookSourceStore sources) =>
        TypedResults.Ok((await sources.ListAsync()).Select(Dto).ToList());

    private static async Task<IResult> Create(WebhookSourceIn? body, ClaimsPrincipal user, WebhookSourceStore sources, WebhookSecrets secrets,
        TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.Name is not { } name || !IsName(name))
        {
            errors["name"] = [$"'name' must be 1 to {WebhookSource.NameMaxLength} lower-case letters, digits or dashes, starting with a letter or digit."];
        }

        if (body?.Channel is not null && !Channels.IsKnown(body.Channel))
        {
            errors["channel"] = [$"'channel' must be one of: {string.Join(", ", Channels.Known)} (or left out when every delivery names its channel)."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var secret = WebhookSecrets.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var source = new WebhookSource
        {
            Name = body!.Name!, Channel = body.Channel, ProtectedSecret = secrets.Protect(secret), CreatedAt = now, SecretSetAt = now,
            CreatedBy = AdminEndpoints.Actor(user),
        };
        if (!await sources.AddAsync(source))
        {
            return ApiProblems.Conflict($"A webhook source named '{source.Name}' exists already; rotate its secret or delete it first.");
        }

        return TypedResults.Created($"/api/admin/webhooks/{source.Name}",
            new WebhookSourceCreated(source.Name, source.Channel, DeliveryUrl(source.Name), secret, now));
    }

    /// <summary>A new secret in force at once; the old one stops working (deliveries signed with it get a 401).</summary>
    private static async Task<IResult> Rotate(string name, ClaimsPrincipal user, WebhookSourceStore sources, WebhookSecrets secrets,
        TimeProvider time)
    {
        var secret = WebhookSecrets.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var source = IsName(name) ? await sources.ReplaceSecretAsync(name, secrets.Protect(secret), now, AdminEndpoints.Actor(user)) : null;
        return source is null
            ? ApiProblems.NotFound($"No webhook source named '{Shorten(name)}'.")
            : TypedResults.Ok(new WebhookSourceCreated(source.Name, source.Channel, DeliveryUrl(source.Name), secret, now));
    }

    private static async Task<IResult> Delete(string name, ClaimsPrincipal user, WebhookSourceStore sources, TimeProvider time) =>
        IsName(name) && await sources.DeleteAsync(name, AdminEndpoints.Actor(user), time.GetUtcNow().UtcDateTime)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"No webhook source named '{Shorten(name)}'.");

    private static WebhookSourceDto Dto(WebhookSource s) =>
        new(s.Name, s.Channel, DeliveryUrl(s.Name), s.CreatedAt, s.SecretSetAt, s.CreatedBy);

    private static string DeliveryUrl(string name) => $"/api/webhooks/{name}";

    private static bool IsName(string name) => name.Length <= WebhookSource.NameMaxLength && Name().IsMatch(name);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
