using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Privacy;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

/// <summary>Export my data and erase me (issue 7, point 4).</summary>
public sealed partial class MyDataTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task An_employee_downloads_everything_about_them_without_any_colleague_email_and_the_export_is_audited()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var raviId = await KudosSteps.EmployeeId(ravi);
        var item = await KudosSteps.ItemRaviActedOn(ravi);
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions",
            new { type = "reply", text = "Export me: we are looking into it." })).StatusCode);
        var thanked = await KudosSteps.Thank(lena, raviId, item, "Great answer");
        Assert.True(thanked.IsSuccessStatusCode);
        // The kudos notification is stored after the kudos is answered: export once it is there.
        await Eventually.True(async () => (await ravi.GetJson("/api/notifications?limit=100")).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("type").GetString() == "kudos"), 60_000);

        var response = await ravi.GetAsync("/api/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;

        var profile = export.GetProperty("profile");
        Assert.Equal(ApiClient.Ravi, profile.GetProperty("email").GetString());
        Assert.Equal("Ravi Patel", profile.GetProperty("name").GetString());
        Assert.Equal("Research & Development", profile.GetProperty("department").GetString());
        Assert.Contains("Employee", profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var reply = Assert.Single(export.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("text").GetString() == "Export me: we are looking into it.");
        Assert.Equal("reply", reply.GetProperty("type").GetString());
        Assert.Equal(item.ToString(), reply.GetProperty("feedbackId").GetString());
        Assert.NotEmpty(export.GetProperty("awards").EnumerateArray());
        Assert.All(export.GetProperty("awards").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("reason").GetString())));
        Assert.True(export.GetProperty("progress").GetProperty("level").GetInt32() >= 1);
        var received = Assert.Single(export.GetProperty("kudosReceived").EnumerateArray(), k => k.GetProperty("message").GetString() == "Great answer");
        Assert.Equal("Lena Müller", received.GetProperty("from").GetString());
        Assert.Contains(export.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("type").GetString() == "kudos");
        Assert.True(export.GetProperty("notificationPreferences").TryGetProperty("muted", out _));
        Assert.True(export.TryGetProperty("challengeRewards", out _));

        // Never another person's email.
        Assert.All(EmailPattern().Matches(text), m => Assert.Equal(ApiClient.Ravi, m.Value, ignoreCase: true));

        var admin = await factory.SignedIn(ApiClient.Admin);
        var lines = (await admin.GetJson("/api/admin/audit?action=data.exported")).GetProperty("entries").EnumerateArray().ToList();
        var mine = Assert.Single(lines, l => l.GetProperty("subject").GetString() == raviId.ToString());
        // Stored by id; shown with his current email, joined at read time.
        Assert.Equal($"employee {raviId}", mine.GetProperty("actorId").GetString());
        Assert.Equal(ApiClient.Ravi, mine.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Admins_export_for_a_named_employee_and_no_one_else_may()
    {
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var sofiaId = await KudosSteps.EmployeeId(sofia);
        var admin = await factory.SignedIn(ApiClient.Admin);

        var response = await admin.GetAsync($"/api/admin/people/{sofiaId}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiClient.Sofia, (await response.Json()).GetProperty("profile").GetProperty("email").GetString());
        var line = Assert.Single((await admin.GetJson("/api/admin/audit?action=data.exported")).GetProperty("entries").EnumerateArray(),
            l => l.GetProperty("subject").GetString() == sofiaId.ToString());
        Assert.Equal(ApiClient.Admin, line.GetProperty("actor").GetString());

        await ProblemAssert.Is(await admin.GetAsync($"/api/admin/people/{Guid.CreateVersion7()}/export"), HttpStatusCode.NotFound, "no employee");
        Assert.Equal(HttpStatusCode.Forbidden, (await sofia.GetAsync($"/api/admin/people/{sofiaId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/me/export")).StatusCode);
        // The admin has no employee: nothing of theirs to export here.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/me/export")).StatusCode);
    }

    [Fact]
    public async Task Erase_me_removes_name_and_email_from_every_table_keeps_department_totals_and_ends_the_sign_in()
    {
        using var host = new GamifyHubFactory();
        var ravi = await host.SignedIn(ApiClient.Ravi);
        var lena = await host.SignedIn(ApiClient.Lena);
        var admin = await host.SignedIn(ApiClient.Admin);
        var raviId = await KudosSteps.EmployeeId(ravi);
        var lenaId = await KudosSteps.EmployeeId(lena);

        // Ravi answers, thanks Lena (her notification names him) and is thanked; he mutes a notification type.
        var item = await KudosSteps.ItemRaviActedOn(ravi);
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions",
            new { type = "reply", text = "Private note from me" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lena.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).StatusCode);
        Assert.True((await KudosSteps.Thank(ravi, lenaId, item, "Thanks from me")).IsSuccessStatusCode);
        Assert.True((await KudosSteps.Thank(lena, raviId, item, "You rock")).IsSuccessStatusCode);
        await Eventually.True(async () => (await Count(host, $"SELECT COUNT(*) FROM Notifications WHERE Title LIKE '%Ravi Patel%'")) > 0);

        // Ravi is the subject of audited admin changes (renamed, made a manager and admin), then the actor of some: privacy
        // settings, an API key, his consent given and withdrawn, a challenge made and cancelled.
        var raviUser = (await admin.GetJson("/api/admin/people?search=ravi.patel")).GetProperty("items")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/admin/people/{raviUser}",
            new { name = "Ravi K. Patel", roles = new[] { "Employee", "Manager", "Admin" } })).StatusCode);
        var raviAdmin = await host.SignedIn(ApiClient.Ravi);
        var privacy = await raviAdmin.GetJson("/api/admin/privacy");
        Assert.Equal(HttpStatusCode.OK, (await raviAdmin.PutAsJsonAsync("/api/admin/privacy", new
        {
            individualBoards = privacy.GetProperty("individualBoards").GetBoolean(),
            minimumGroupSize = privacy.GetProperty("minimumGroupSize").GetInt32(),
            managersSeeIndividuals = privacy.GetProperty("managersSeeIndividuals").GetBoolean(),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await raviAdmin.PostAsJsonAsync("/api/admin/api-keys",
            new { name = "Build script", scopes = new[] { "events:write" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await raviAdmin.PutAsJsonAsync("/api/me/privacy", new { rankedByName = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await raviAdmin.PutAsJsonAsync("/api/me/privacy", new { rankedByName = true })).StatusCode);
        var rnd = (await raviAdmin.GetJson("/api/me")).GetProperty("departmentId").GetString();
        var challenge = await raviAdmin.PostAsJsonAsync("/api/challenges", new
        {
            name = "Erase me later", description = "", metric = "action-count", action = "read", target = 3,
            startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow.AddDays(2), scope = "department",
            departmentIds = new[] { rnd }, rewardPoints = 10, schedule = true,
        });
        Assert.Equal(HttpStatusCode.Created, challenge.StatusCode);
        var challengeId = (await challenge.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await raviAdmin.PostAsync($"/api/challenges/{challengeId}/cancel", null)).StatusCode);
        var audited = (await admin.GetJson("/api/admin/audit?limit=200")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(audited, l => l.GetProperty("action").GetString() == "user.changed" && l.GetProperty("subject").GetString() == raviUser
            && l.GetProperty("details").GetProperty("nameBefore").GetString() == "Ravi Patel");
        Assert.Equal(7, audited.Count(l => l.GetProperty("actor").GetString() == ApiClient.Ravi));
        var stored = await Mentions(host, ApiClient.Ravi);
        Assert.DoesNotContain(stored, m => m.StartsWith("AuditLog.", StringComparison.Ordinal));

        // The board projection applies committed events a moment later: take the "before" picture once it shows them all.
        await Eventually.True(async () => await BoardMatchesAwards(host, raviAdmin));
        var totalsBefore = await DepartmentTotals(host);
        var boardBefore = await DepartmentsBoard(raviAdmin);
        var itemEventsBefore = (await lena.GetJson($"/api/feedback/{item}")).GetProperty("history").GetArrayLength();

        // Confirmation and password are required; nothing changes without them.
        await ProblemAssert.Is(await raviAdmin.PostAsJsonAsync("/api/me/erase", new { confirm = "yes" }), HttpStatusCode.BadRequest, "ERASE");
        await ProblemAssert.Is(await raviAdmin.PostAsJsonAsync("/api/me/erase", new { confirm = "ERASE", password = "wrong-password-1" }),
            HttpStatusCode.BadRequest, "password");
        Assert.Equal(HttpStatusCode.OK, (await raviAdmin.GetAsync("/api/me")).StatusCode);

        var erased = await raviAdmin.PostAsJsonAsync("/api/me/erase", new { confirm = "ERASE", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.True((await erased.Json()).GetProperty("events").GetInt32() > 0);

        // The old token no longer works, and neither does signing in again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await raviAdmin.GetAsync("/api/me")).StatusCode);
        Assert.False((await host.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = ApiClient.Password }))
            .IsSuccessStatusCode);

        // No text column of any table — the audit log, its personal side table, every "who" column — holds his names or email.
        Assert.Empty(await Mentions(host, "Ravi Patel", "Ravi K. Patel", ApiClient.Ravi, "Private note from me", "Thanks from me", "You rock"));

        // His audited actions stay, by a former colleague; the lines about him keep the change and his old ids only.
        var after = (await admin.GetJson("/api/admin/audit?limit=200")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(7, after.Count(l => l.GetProperty("actor").GetString() == FormerColleagues.ErasedActor
            && l.GetProperty("action").GetString() != "employee.erased"));
        Assert.DoesNotContain("Ravi", string.Join("\n", after.Select(l => l.GetRawText())), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(after, l => l.GetProperty("action").GetString() == "user.roles-changed" && l.GetProperty("subject").GetString() == raviUser);

        // Department totals, the departments board and the item's history are unchanged; no individual board lists him.
        Assert.Equal(totalsBefore, await DepartmentTotals(host));
        Assert.Equal(boardBefore, await DepartmentsBoard(lena));
        Assert.Equal(itemEventsBefore, (await lena.GetJson($"/api/feedback/{item}")).GetProperty("history").GetArrayLength());
        foreach (var board in new[] { "employees", $"department-{(await lena.GetJson("/api/me")).GetProperty("departmentId").GetString()}" })
        {
            var rows = (await lena.GetJson($"/api/boards/{board}?window=all&top=100")).GetProperty("rows").EnumerateArray().ToList();
            Assert.DoesNotContain(rows, r => r.GetProperty("memberId").GetString() == raviId.ToString());
            Assert.DoesNotContain(rows, r => r.GetProperty("name").GetString() is "Ravi Patel" or "former employee" or FormerColleagues.Name);
        }

        // The audit line names the old id and no one.
        var line = Assert.Single((await admin.GetJson("/api/admin/audit?action=employee.erased")).GetProperty("entries").EnumerateArray());
        Assert.Equal(raviId.ToString(), line.GetProperty("subject").GetString());
        Assert.DoesNotContain("Ravi", line.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admins_erase_others_but_not_themselves_and_the_last_admin_cannot_erase_themselves()
    {
        using var host = new GamifyHubFactory();
        var admin = await host.SignedIn(ApiClient.Admin);
        var sofia = await host.SignedIn(ApiClient.Sofia);
        var sofiaId = await KudosSteps.EmployeeId(sofia);
        var lena = await host.SignedIn(ApiClient.Lena);
        var lenaId = await KudosSteps.EmployeeId(lena);

        Assert.Equal(HttpStatusCode.Forbidden, (await lena.PostAsJsonAsync($"/api/admin/people/{sofiaId}/erase", new { confirm = "ERASE" })).StatusCode);
        await ProblemAssert.Is(await admin.PostAsJsonAsync($"/api/admin/people/{sofiaId}/erase", new { }), HttpStatusCode.BadRequest, "ERASE");
        var erased = await admin.PostAsJsonAsync($"/api/admin/people/{sofiaId}/erase", new { confirm = "ERASE" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await sofia.GetAsync("/api/me")).StatusCode);
        await ProblemAssert.Is(await admin.PostAsJsonAsync($"/api/admin/people/{sofiaId}/erase", new { confirm = "ERASE" }),
            HttpStatusCode.NotFound, "no employee");
        Assert.Empty(await Mentions(host, "Sofia Rossi", ApiClient.Sofia));
        var line = Assert.Single((await admin.GetJson("/api/admin/audit?action=employee.erased")).GetProperty("entries").EnumerateArray());
        Assert.Equal(ApiClient.Admin, line.GetProperty("actor").GetString());

        // Lena becomes the only admin: she may not erase herself, neither through the admin route nor as "me".
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var lenaUser = (await users.FindByEmailAsync(ApiClient.Lena))!;
            var adminUser = (await users.FindByEmailAsync(ApiClient.Admin))!;
            Assert.True((await users.AddToRoleAsync(lenaUser, Roles.Admin)).Succeeded);
            Assert.True((await users.RemoveFromRoleAsync(adminUser, Roles.Admin)).Succeeded);
            // Changed behind the admin API's back: tell the sign-in check, as the API does, instead of waiting out its 30 s.
            var freshness = host.Services.GetRequiredService<GamifyHub.Server.Auth.SignInFreshness>();
            freshness.Forget(lenaUser.Id);
            freshness.Forget(adminUser.Id);
        }

        var lenaAdmin = await host.SignedIn(ApiClient.Lena);
        await ProblemAssert.Is(await lenaAdmin.PostAsJsonAsync($"/api/admin/people/{lenaId}/erase", new { confirm = "ERASE" }),
            HttpStatusCode.Conflict, "/api/me/erase");
        await ProblemAssert.Is(await lenaAdmin.PostAsJsonAsync("/api/me/erase", new { confirm = "ERASE", password = ApiClient.Password }),
            HttpStatusCode.Conflict, "last admin");
        Assert.Equal(HttpStatusCode.OK, (await lenaAdmin.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_new_backup_deletes_backups_older_than_the_kept_days_so_erased_people_do_not_live_on_there()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var folder = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "backups");
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "gamifyhub-20200101T000000000Z.db");
        var recent = Path.Combine(folder, "gamifyhub-20990101T000000000Z.db");
        await File.WriteAllTextAsync(old, "an old backup");
        await File.WriteAllTextAsync(recent, "a recent backup");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-31));
        File.SetLastWriteTimeUtc(recent, DateTime.UtcNow.AddDays(-29));

        var made = await admin.PostAsync("/api/admin/backup", null);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(File.Exists((await made.Json()).GetProperty("path").GetString()));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    internal static async Task<Dictionary<string, long>> DepartmentTotals(GamifyHubFactory host)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT DepartmentId, SUM(Points), COUNT(*) FROM Awards GROUP BY DepartmentId";
        var totals = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            totals[reader.GetString(0) + ":points"] = reader.GetInt64(1);
            totals[reader.GetString(0) + ":lines"] = reader.GetInt64(2);
        }

        return totals;
    }

    /// <summary>Whether the all-time departments board shows every department's award total (withheld rows aside).</summary>
    private static async Task<bool> BoardMatchesAwards(GamifyHubFactory host, HttpClient client)
    {
        var totals = await DepartmentTotals(host);
        foreach (var row in (await client.GetJson("/api/boards/departments?window=all&top=100")).GetProperty("rows").EnumerateArray())
        {
            if (row.TryGetProperty("withheld", out var withheld) && withheld.GetBoolean())
            {
                continue;
            }

            var id = row.GetProperty("memberId").GetString()!.ToUpperInvariant();
            if (row.GetProperty("score").GetInt64() != totals.GetValueOrDefault(id + ":points"))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<string> DepartmentsBoard(HttpClient client) => string.Join(";",
        (await client.GetJson("/api/boards/departments?window=all&top=100")).GetProperty("rows").EnumerateArray()
        .Select(r => $"{r.GetProperty("name").GetString()}={r.GetProperty("score").GetInt64()}"));

    private static async Task<long> Count(GamifyHubFactory host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every "table.column" of the database file whose text holds any of <paramref name="needles"/> (case-insensitive).</summary>
    internal static async Task<List<string>> Mentions(GamifyHubFactory host, params string[] needles)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        var list = connection.CreateCommand();
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            var info = connection.CreateCommand();
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using (var reader = await info.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(1));
                }
            }

            foreach (var column in columns)
            {
                foreach (var needle in needles)
                {
                    // Every column, whatever its declared type: SQLite stores text wherever it is given text.
                    var probe = connection.CreateCommand();
                    probe.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($needle)) > 0";
                    probe.Parameters.AddWithValue("$needle", needle);
                    if ((long)(await probe.ExecuteScalarAsync())! > 0)
                    {
                        found.Add($"{table}.{column} has '{needle}'");
                    }
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}
