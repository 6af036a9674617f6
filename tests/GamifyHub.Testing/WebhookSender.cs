using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GamifyHub.Testing;

/// <summary>Signs deliveries the way docs/intake.md tells integrators to, independently of the server's code.</summary>
public static class WebhookSender
{
    public static string Signature(string secret, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static HttpRequestMessage Delivery(string source, string secret, string json, DateTimeOffset? at = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return Request(source, body, timestamp.ToString(CultureInfo.InvariantCulture), Signature(secret, timestamp, body));
    }

    public static HttpRequestMessage Request(string source, byte[] body, string? timestamp, string? signature,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{source}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-GamifyHub-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-GamifyHub-Signature", signature);
        }

        return request;
    }

    /// <summary>A copy of a request (HttpRequestMessage can be sent once).</summary>
    public static async Task<HttpRequestMessage> Copy(HttpRequestMessage original)
    {
        var body = await original.Content!.ReadAsByteArrayAsync();
        return Request(original.RequestUri!.ToString().Split('/').Last(), body,
            original.Headers.TryGetValues("X-GamifyHub-Timestamp", out var t) ? t.Single() : null,
            original.Headers.TryGetValues("X-GamifyHub-Signature", out var s) ? s.Single() : null,
            original.Content.Headers.ContentType!.ToString());
    }
}
