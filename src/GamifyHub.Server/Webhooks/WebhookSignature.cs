using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GamifyHub.Server.Webhooks;

public enum SignatureCheck { Valid, MissingTimestamp, BadTimestamp, Stale, MissingSignature, BadSignatureFormat, Mismatch }

/// <summary>
/// Signed deliveries, Stripe-style: <c>X-GamifyHub-Signature: sha256=&lt;hex&gt;</c> is the HMAC-SHA256, keyed with the
/// source's secret (its UTF-8 bytes), of <c>&lt;timestamp&gt;.&lt;raw body&gt;</c>, where the timestamp (Unix seconds) is
/// sent in <c>X-GamifyHub-Timestamp</c>. Signing the timestamp stops an old delivery from being sent again with a new one.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-GamifyHub-Signature";
    public const string TimestampHeader = "X-GamifyHub-Timestamp";
    public const string Scheme = "sha256=";

    /// <summary>How far a delivery's timestamp may be from the server's clock, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    public static SignatureCheck Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body,
        DateTimeOffset now)
    {
        var headers = CheckHeaders(timestampHeader, signatureHeader, now);
        if (headers != SignatureCheck.Valid)
        {
            return headers;
        }

        var timestamp = long.Parse(timestampHeader!, NumberStyles.None, CultureInfo.InvariantCulture);
        // Constant time: how many leading bytes matched must not show in the answer's timing.
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(signatureHeader![Scheme.Length..]), Mac(secret, timestamp, body))
            ? SignatureCheck.Valid
            : SignatureCheck.Mismatch;
    }

    /// <summary>
    /// Everything but the signature's value, without the body or the source's secret: run before either is read, so a
    /// malformed or stale delivery costs no buffering and answers the same whether or not its source exists.
    /// </summary>
    public static SignatureCheck CheckHeaders(string? timestampHeader, string? signatureHeader, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return SignatureCheck.MissingTimestamp;
        }

        if (timestampHeader.Length > 12 || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SignatureCheck.BadTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (long)Tolerance.TotalSeconds)
        {
            return SignatureCheck.Stale;
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.MissingSignature;
        }

        var hex = signatureHeader.StartsWith(Scheme, StringComparison.Ordinal) ? signatureHeader[Scheme.Length..] : null;
        return hex is { Length: 64 } && hex.All(char.IsAsciiHexDigit) ? SignatureCheck.Valid : SignatureCheck.BadSignatureFormat;
    }

    /// <summary>The same delivery however its hex digits are cased (all casings verify), for the replay guard.</summary>
    public static string Normalize(string signatureHeader) => signatureHeader.ToLowerInvariant();

    public static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.MissingTimestamp => $"The {TimestampHeader} header (Unix seconds, part of the signed content) is missing.",
        SignatureCheck.BadTimestamp => $"The {TimestampHeader} header must be the Unix time in whole seconds.",
        SignatureCheck.Stale => $"The {TimestampHeader} is more than {Tolerance.TotalMinutes:0} minutes away from the server's clock; sign the delivery again with the current time.",
        SignatureCheck.MissingSignature => $"The {SignatureHeader} header is missing.",
        SignatureCheck.BadSignatureFormat => $"The {SignatureHeader} header must be '{Scheme}' followed by 64 hex digits.",
        // Also the answer for a source that does not exist (or whose secret cannot be read): nobody learns which names exist.
        SignatureCheck.Mismatch => $"The {SignatureHeader} does not match: sign '<timestamp>.<raw body>' with HMAC-SHA256 and the source's "
            + "secret, and send it to the source's delivery URL as set up by an admin.",
        _ => "The signature is valid.",
    };

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
