using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace GamifyHub.Server.Problems;

/// <summary>
/// Checks a request's body before any endpoint reads it: its size against one limit on every server (Kestrel, IIS, the
/// test server) and its declared charset. Both are answered as problems instead of a reset connection or a 500.
/// </summary>
public static class RequestGuards
{
    /// <summary>Kestrel's default, stated here and enforced on every server; an endpoint may set its own limit.</summary>
    public const long MaxBodyBytes = 30_000_000;

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var metadata = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = metadata is null ? MaxBodyBytes : metadata.MaxRequestBodySize;
        if (limit is { } max && http.Request.ContentLength > max)
        {
            await Refuse(http, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"The body has {http.Request.ContentLength:N0} bytes; the server accepts at most {max:N0}.");
            return;
        }

        // Bodies without a length (chunked) are cut off by the server while they are read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (UnknownCharset(http.Request.ContentType) is { } charset)
        {
            await Refuse(http, StatusCodes.Status415UnsupportedMediaType, "The request's charset is not supported.",
                $"The Content-Type names the charset {charset}, which the server does not know. Send JSON as UTF-8.");
            return;
        }

        await next(http);
    });

    /// <summary>The charset parameter when it names no known encoding (the JSON reader would fail on it with a 500).</summary>
    private static string? UnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.Charset.HasValue
            || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            Encoding.GetEncoding(type.Charset.Value!);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return $"'{type.Charset.Value}'";
        }
    }

    private static async Task Refuse(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
