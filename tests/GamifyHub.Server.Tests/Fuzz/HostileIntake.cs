using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GamifyHub.Server.Tests.Fuzz;


public sealed partial class HostileInputs
{
    private const string Csv = "text/csv";
    private const string Ndjson = "application/x-ndjson";

    /// <summary>
    /// Requests none of which may store anything: unsigned or wrongly signed deliveries, correctly signed deliveries whose
    /// body is invalid, invalid source definitions, unknown sources, and import files whose every row is bad.
    /// </summary>
    public List<FuzzRequest> Intake()
    {
        var requests = new List<FuzzRequest>();
        for (var i = 0; i < 600; i++)
        {
            requests.Add(WebhookDelivery());
        }

        var oversized = new byte[4_000_001];
        Array.Fill(oversized, (byte)' ');
        oversized[0] = (byte)'{';
        oversized[^1] = (byte)'}';
        requests.Add(Signed("over the size limit", oversized, Json) with { ExpectedStatus = PayloadTooLarge });

        for (var i = 0; i < 40; i++)
        {
            requests.Add(Chance(0.7)
                ? Post(AdminWebhooks, "invalid webhook source", AdminWebhooks, Utf8(InvalidSource()), Caller.Admin)
                : Post(AdminWebhooks, "not allowed", AdminWebhooks, Utf8("{\"name\":\"fuzz-new\",\"channel\":\"x\"}"),
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi })));
        }

        for (var i = 0; i < 15; i++)
        {
            var (name, caller) = Chance(0.5) ? (HostileSegment(), Caller.Admin) : (targets.WebhookSource, Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }));
            requests.Add(Post(AdminWebhookSecret, "unknown or not allowed", $"/api/admin/webhooks/{name}/secret", WrongShapeOrNull(), caller));
            var (other, by) = Chance(0.5) ? ("no-such-" + random.Next(1000), Caller.Admin) : (targets.WebhookSource, Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }));
            requests.Add(new FuzzRequest(AdminWebhook, "unknown or not allowed", HttpMethod.Delete, $"/api/admin/webhooks/{(Chance(0.3) ? HostileSegment() : other)}",
                null, null, by, []));
        }

        for (var i = 0; i < 120; i++)
        {
            requests.Add(ImportRequest());
        }

        return requests;
    }

    // ---------------------------------------------------------------- webhook deliveries

    private IReadOnlyList<Field> WebhookFields()
    {
        var fields = FeedbackFields().ToList();
        // The fuzz source has a channel, so a missing one is valid here: only a wrong one makes the item invalid.
        fields[0] = new("channel", () => Chance(0.5) ? null : S(Pick(Channels)),
            () => OneOf(WrongType, () => S(Pick(BadChannels)), () => S(Pick(Sql))));
        return fields;
    }

    private FuzzRequest WebhookDelivery()
    {
        var fields = WebhookFields();
        string Valid() => ValidObject(fields);
        switch (random.Next(12))
        {
            case 0:
                return Delivery("unsigned", Utf8(Chance(0.5) ? Valid() : InvalidObject(fields)), Json, []);
            case 1:
            {
                var body = Utf8(Valid());
                var now = Now();
                var signature = random.Next(8) switch
                {
                    0 => Sign("whsec_wrong", now, body),
                    1 => Sign(targets.WebhookSecret, now, Utf8(Valid())),
                    2 => "sha1=" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                    3 => Sign(targets.WebhookSecret, now, body).ToUpperInvariant(),
                    4 => Sign(targets.WebhookSecret, now, body) + "," + Sign(targets.WebhookSecret, now, body),
                    5 => "sha256=" + new string('0', 64),
                    6 => Pick(new[] { "", " ", "sha256=", "sha256", new string('a', 10_000), Pick(Sql), Pick(Html) }),
                    _ => Sign(targets.WebhookSecret, now + 1, body),
                };
                return Delivery("bad signature", body, Json, [new(TimestampHeader, Stamp(now)), new(SignatureHeader, signature)]);
            }

            case 2:
            {
                var body = Utf8(Valid());
                var (stamp, signedAt) = random.Next(6) switch
                {
                    0 => (Stamp(Now() - 301 - random.Next(100_000)), Now() - 400),
                    1 => (Stamp(Now() + 301 + random.Next(100_000)), Now() + 400),
                    2 => (Pick(new[] { "", " ", "-1", "0", "1e10", "99999999999999999999", "now", "2026-11-28T10:00:00Z", "١٧٠٠٠٠٠٠٠٠" }), Now()),
                    3 => ("+" + Stamp(Now()), Now()),
                    4 => (Stamp(Now()) + ".5", Now()),
                    _ => (Pick(Sql), Now()),
                };
                var signature = long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                    ? Sign(targets.WebhookSecret, t, body)
                    : Sign(targets.WebhookSecret, signedAt, body);
                return Delivery("stale or bad timestamp", body, Json, [new(TimestampHeader, stamp), new(SignatureHeader, signature)]);
            }

            case 3:
                return Signed("unknown source", Utf8(Valid()), Json, HostileSegment() is var s && s != targets.WebhookSource ? s : "x" + s);
            case 4 or 5:
                return Signed("signed invalid item", Utf8(InvalidObject(fields)), Json);
            case 6:
                return Signed("signed broken JSON", Utf8(BreakJson(Valid())), Json);
            case 7:
                return Signed("signed wrong shape", WrongShapeBody(), Json);
            case 8:
                return Signed("signed invalid UTF-8", InvalidUtf8(Valid()), Json);
            case 9:
                return Signed("signed wrong content type", Utf8(Valid()), Pick(new[]
                {
                    "text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=utf-16",
                    "application/json; charset=klingon", "text/json", "application/jsonx", "*/*", "application/problem+json",
                }));
            case 10:
                return Signed("signed invalid batch", Utf8(Batch("items", fields, valid: false)), Json);
            default:
                return Signed("signed item and items", Utf8("{\"externalId\":\"x\",\"items\":[" + Valid() + "]}"), Json);
        }
    }

    private const string TimestampHeader = "X-GamifyHub-Timestamp";
    private const string SignatureHeader = "X-GamifyHub-Signature";

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Stamp(long t) => t.ToString(CultureInfo.InvariantCulture);

    private static string Sign(string secret, long timestamp, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            (byte[])[.. Encoding.ASCII.GetBytes(Stamp(timestamp) + "."), .. body]));

    private FuzzRequest Signed(string category, byte[] body, string? contentType, string? source = null)
    {
        var now = Now();
        return Delivery(category, body, contentType,
            [new(TimestampHeader, Stamp(now)), new(SignatureHeader, Sign(targets.WebhookSecret, now, body))], source);
    }

    private FuzzRequest Delivery(string category, byte[] body, string? contentType, List<KeyValuePair<string, string>> headers,
        string? source = null) =>
        new(Webhook, category, HttpMethod.Post, $"/api/webhooks/{source ?? targets.WebhookSource}", body, contentType,
            Pick(new[] { Caller.Anonymous, Caller.Anonymous, Caller.Integration, Caller.Ravi }), headers);

    private string InvalidSource() => random.Next(8) switch
    {
        0 => "{\"name\":" + S(Pick(new[] { "", " ", "Upper", "with space", "-dash-first", "dots.in.name", "slash/name", "ünï", "a\u0000b", new string('a', 51) })) + ",\"channel\":\"x\"}",
        // A hostile name can happen to be a valid one ("true"): the channel is what makes it certainly invalid.
        1 => "{\"name\":" + S(AnyHostile()) + ",\"channel\":" + S(Pick(BadChannels)) + "}",
        2 => "{\"name\":\"fuzz-ok\",\"channel\":" + S(Pick(BadChannels)) + "}",
        3 => "{\"name\":" + WrongType() + ",\"channel\":\"x\"}",
        4 => "{\"channel\":\"x\"}",
        5 => "{\"name\":\"fuzz-ok\",\"channel\":\"x\",\"secret\":\"mine\"}",
        6 => BreakJson("{\"name\":\"fuzz-ok\",\"channel\":\"x\"}"),
        _ => Encoding.UTF8.GetString(WrongShapeBody()) is var w && w.Length < 2_000_000 ? w : "[]",
    };

    // ---------------------------------------------------------------- imports

    private static string CsvField(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A CSV row that cannot be stored: a wrong channel, no visible text, a bad url or language, or broken quoting.</summary>
    private string BadCsvRow()
    {
        var id = CsvField($"fz-{NewGuid()}");
        return random.Next(6) switch
        {
            0 => string.Join(",", CsvField(Pick(BadChannels)), id, CsvField("@kim"), CsvField(HostileText())),
            1 => string.Join(",", CsvField(Pick(Channels)), id, CsvField("@kim"), CsvField(Pick(InvisibleText))),
            2 => string.Join(",", CsvField(Pick(Channels)), "", CsvField("@kim"), CsvField(HostileText())),
            3 => string.Join(",", CsvField(Pick(Channels)), id, CsvField("@kim")),
            4 => string.Join(",", "blog", id, "@kim", "a stray \"quote"),
            _ => string.Join(",", CsvField(Pick(Channels)), id, CsvField("@kim"), CsvField(HostileText()), CsvField("x"), CsvField("y")),
        };
    }

    /// <summary>A line that is no valid item. A break that adds a line break could leave a valid object on the next line.</summary>
    private string BadJsonLine() =>
        Chance(0.8) ? InvalidObject(FeedbackFields()) : BreakJson(ValidObject(FeedbackFields())) is var broken && !broken.Contains('\n')
            && !broken.Contains('\r') ? broken : InvalidObject(FeedbackFields());

    private FuzzRequest ImportRequest()
    {
        var rows = random.Next(1, 6);
        var csv = "channel,externalId,author,text\n" + string.Join("\n", Enumerable.Range(0, rows).Select(_ => BadCsvRow())) + "\n";
        var jsonl = string.Join("\n", Enumerable.Range(0, rows).Select(_ => BadJsonLine()));
        switch (random.Next(8))
        {
            case 0 or 1:
                return Post(AdminImports, "import: every row bad", AdminImports, Utf8(csv), Caller.Admin, Csv, maySucceed: true);
            case 2 or 3:
                return Post(AdminImports, "import: every line bad", AdminImports, Utf8(jsonl), Caller.Admin, Ndjson, maySucceed: true);
            case 4:
            {
                var header = Pick(new[] { "", "\n", "channel,text", "channel,externalId,txt", "channel,channel,externalId,text", "\u0000,\u0001", Pick(Sql), Pick(Html) });
                return Post(AdminImports, "import: bad header", AdminImports, Utf8(header + "\nblog,fz-x,hello there\n"), Caller.Admin, Csv);
            }

            case 5:
                return Post(AdminImports, "import: wrong content type", AdminImports, Utf8(csv), Caller.Admin,
                    Pick(new[] { "application/json", "text/plain", "application/octet-stream", "text/csv; charset=utf-16", "multipart/form-data", "multipart/form-data; boundary=" }));
            case 6:
            {
                var boundary = "fz" + random.Next(1_000_000);
                var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{Pick(new[] { "f.csv", "f.txt", "../../etc/passwd", "f.jsonl" })}\"\r\n"
                    + $"Content-Type: text/csv\r\n\r\n{(Chance(0.5) ? csv : jsonl)}\r\n--{boundary}--\r\n";
                return Post(AdminImports, "import: multipart, every row bad", AdminImports, Utf8(body), Caller.Admin,
                    $"multipart/form-data; boundary={boundary}", maySucceed: true);
            }

            default:
                return Post(AdminImports, "not allowed", AdminImports, Utf8("channel,externalId,text\nblog,fz-allowed,Hello there friend\n"),
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), Csv);
        }
    }
}
