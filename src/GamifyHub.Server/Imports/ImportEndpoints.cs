using GamifyHub.Data.Auditing;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GamifyHub.Server.Imports;

public static class ImportEndpoints
{
    /// <summary>An upload may be large (a million rows is a few hundred MB); it is streamed, never held whole.</summary>
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/imports").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Import).WithMetadata(new RequestSizeLimit(MaxUploadBytes));
        group.MapGet("/{id:guid}/errors", Errors);
        return group;
    }

    /// <summary>
    /// Imports a CSV or JSON-lines file of feedback items: as the raw body (Content-Type text/csv or application/x-ndjson)
    /// or as the first file of a multipart/form-data upload (format from <c>?format=</c>, the file name or its type).
    /// Answers the summary once the last row is committed; bad rows are reported, not fatal.
    /// </summary>
    private static async Task<IResult> Import(HttpRequest request, string? format, FeedbackImporter importer, ImportReports reports,
        AuditRecorder audit, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (format is not null && FeedbackRows.FormatOf(format) is null)
        {
            return ApiProblems.Validation("format", "'format' must be csv or jsonl.");
        }

        var upload = await OpenUpload(request, format, cancellationToken);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        var id = Guid.CreateVersion7();
        ImportSummary summary;
        await using (var file = reports.Create(id))
        await using (var report = new ImportErrorReport(file))
        {
            summary = await importer.ImportAsync(upload.Body!, upload.Format!.Value, report, json.Value.SerializerOptions, id, cancellationToken);
        }

        if (summary.ErrorCount == 0 || summary.RowsRead == 0)
        {
            reports.Delete(id);
        }

        if (summary.RowsRead == 0)
        {
            // Nothing was read (an empty file, a wrong header): a plain refusal, nothing changed.
            return ApiProblems.Validation("file", summary.Fatal ?? "The file holds no rows to import.");
        }

        if (summary.Stored > 0)
        {
            await audit.RecordAsync(Admin.AdminEndpoints.Actor(request.HttpContext.User), AuditActions.ImportFinished, id.ToString(),
                new { summary.Format, summary.RowsRead, summary.Stored, summary.Duplicates, summary.NearDuplicates, summary.Rejected });
        }

        return TypedResults.Ok(summary with { ErrorReport = summary.ErrorCount > 0 ? $"/api/admin/imports/{id}/errors" : null });
    }

    /// <summary>The whole error report of an import, one JSON object per line: {"row", "field", "message"}.</summary>
    private static IResult Errors(Guid id, ImportReports reports) =>
        reports.Open(id) is { } file
            ? TypedResults.Stream(file, "application/x-ndjson", $"import-{id:N}-errors.jsonl")
            : ApiProblems.NotFound($"No error report for import {id}: it had no errors or is older than {ImportReports.KeepFor.TotalDays:0} days.");

    private sealed record Upload(Stream? Body, ImportFormat? Format, IResult? Problem);

    private static async Task<Upload> OpenUpload(HttpRequest request, string? format, CancellationToken cancellationToken)
    {
        var asked = FeedbackRows.FormatOf(format);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return Refused();
        }

        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return new Upload(null, null, ApiProblems.UnsupportedMediaType("Send the file as UTF-8."));
        }

        if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
            {
                return new Upload(null, null, ApiProblems.Validation("file", "The multipart upload has no valid boundary."));
            }

            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxUploadBytes };
            MultipartSection? section;
            try
            {
                while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
                {
                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                    {
                        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                        var detected = asked ?? FeedbackRows.FormatOf(name) ?? FeedbackRows.FormatOf(section.ContentType);
                        return detected is null
                            ? new Upload(null, null, ApiProblems.Validation("format",
                                "Name the file *.csv or *.jsonl, or say ?format=csv or ?format=jsonl."))
                            : new Upload(section.Body, detected, null);
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return new Upload(null, null, ApiProblems.Validation("file", $"The multipart upload cannot be read: {e.Message}"));
            }

            return new Upload(null, null, ApiProblems.Validation("file", "The multipart upload holds no file."));
        }

        var byType = FeedbackRows.FormatOf(type.MediaType.Value);
        if (byType is null)
        {
            return Refused();
        }

        return asked is not null && asked != byType
            ? new Upload(null, null, ApiProblems.Validation("format", $"'format' says {format}, but the Content-Type says {type.MediaType}."))
            : new Upload(request.Body, byType, null);

        static Upload Refused() => new(null, null, ApiProblems.UnsupportedMediaType(
            "Send the file as the body with Content-Type text/csv or application/x-ndjson, or upload it as multipart/form-data."));
    }
}
