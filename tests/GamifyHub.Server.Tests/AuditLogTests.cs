using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Data.Identity;
using GamifyHub.Testing;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Server.Tests;

public sealed class AuditLogTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task Admin_changes_are_recorded_with_who_what_and_when_and_only_admins_read_them()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var started = DateTime.UtcNow.AddSeconds(-1);

        // A wallboard token made and revoked, a challenge created and cancelled, the taxonomy saved as it is, a backup.
        var token = await (await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Hall TV" })).Json();
        var tokenId = token.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/wallboard-tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/wallboard-tokens/{tokenId}")).StatusCode);

        var rnd = (await lena.GetJson("/api/departments")).EnumerateArray()
            .First(d => d.GetProperty("slug").GetString() == "rnd").GetProperty("id").GetString();
        var challenge = await lena.PostAsJsonAsync("/api/challenges", new
        {
            name = "Audit me", description = "", metric = "action-count", action = "read", target = 3,
            startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow.AddDays(2), scope = "department",
            departmentIds = new[] { rnd }, rewardPoints = 10, schedule = true,
        });
        Assert.Equal(HttpStatusCode.Created, challenge.StatusCode);
        var challengeId = (await challenge.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await lena.PostAsync($"/api/challenges/{challengeId}/cancel", null)).StatusCode);

        var taxonomy = await admin.GetJson("/api/admin/taxonomy");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/taxonomy",
            new { topics = taxonomy.GetProperty("topics"), products = taxonomy.GetProperty("products") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/backup", null)).StatusCode);

        var entries = (await admin.GetJson("/api/admin/audit?limit=200")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("at").GetDateTime() >= started).ToList();
        string[] Actions(string subject) => [.. entries.Where(e => e.GetProperty("subject").GetString() == subject)
            .Select(e => e.GetProperty("action").GetString()!).Reverse()];

        Assert.Equal(["wallboard-token.created", "wallboard-token.revoked"], Actions(tokenId!)); // revoking twice is one line
        Assert.Equal(["challenge.created", "challenge.scheduled", "challenge.cancelled"], Actions(challengeId!));
        Assert.All(entries.Where(e => e.GetProperty("subject").GetString() == challengeId),
            e => Assert.Equal(ApiClient.Lena, e.GetProperty("actor").GetString()));
        Assert.Equal("Audit me", entries.First(e => e.GetProperty("subject").GetString() == challengeId)
            .GetProperty("details").GetProperty("name").GetString());
        var taxonomyLine = Assert.Single(entries, e => e.GetProperty("action").GetString() == "taxonomy.changed");
        Assert.Equal(ApiClient.Admin, taxonomyLine.GetProperty("actor").GetString());
        Assert.Equal(taxonomy.GetProperty("topics").GetArrayLength(), taxonomyLine.GetProperty("details").GetProperty("topics").GetArrayLength());
        Assert.Single(entries, e => e.GetProperty("action").GetString() == "backup.created");

        // Filters: one action, or an area.
        var revoked = (await admin.GetJson("/api/admin/audit?action=wallboard-token.revoked")).GetProperty("entries");
        Assert.All(revoked.EnumerateArray(), e => Assert.Equal("wallboard-token.revoked", e.GetProperty("action").GetString()));
        var area = (await admin.GetJson("/api/admin/audit?action=challenge.")).GetProperty("entries");
        Assert.True(area.GetArrayLength() >= 3);
        Assert.All(area.EnumerateArray(), e => Assert.StartsWith("challenge.", e.GetProperty("action").GetString()));

        foreach (var who in new[] { ApiClient.Ravi, ApiClient.Lena })
        {
            var client = await factory.SignedIn(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/audit")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Pages_walk_back_through_every_entry_once_newest_first()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        for (var i = 0; i < 5; i++)
        {
            await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = $"Screen {i}" });
        }

        var all = (await admin.GetJson("/api/admin/audit?limit=200")).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(all.OrderByDescending(id => id), all);

        var walked = new List<long>();
        string url = "/api/admin/audit?limit=2";
        while (true)
        {
            var page = await admin.GetJson(url);
            walked.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            if (page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            url = $"/api/admin/audit?limit=2&before={page.GetProperty("nextBefore").GetInt64()}";
        }

        Assert.Equal(all, walked.Where(all.Contains).ToList());
        Assert.Equal(walked.Count, walked.Distinct().Count());

        await ProblemAssert.Is(await admin.GetAsync("/api/admin/audit?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.Is(await admin.GetAsync("/api/admin/audit?before=-3"), HttpStatusCode.BadRequest, "before");
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_or_delete_an_audit_line()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Lobby" });
        var probe = new DatabaseProbe(factory.DatabasePath);
        var before = await probe.Scalar<long>("SELECT count(*) FROM AuditLog");
        Assert.True(before > 0);

        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE AuditLog SET Actor = 'someone else'", "DELETE FROM AuditLog" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message);
        }

        Assert.Equal(before, await probe.Scalar<long>("SELECT count(*) FROM AuditLog"));
        Assert.Equal(0, await probe.Scalar<long>("SELECT count(*) FROM AuditLog WHERE Actor = 'someone else'"));
    }

    [Fact]
    public async Task An_older_database_gets_its_earlier_change_history_in_the_log()
    {
        var path = await TempDatabase.DemoBefore("AuditLog");
        await using var upgraded = GamifyHubFactory.OnDatabase(path);
        var admin = await upgraded.SignedIn(ApiClient.Admin);
        var entries = (await admin.GetJson("/api/admin/audit?limit=200")).GetProperty("entries").EnumerateArray().ToList();

        // The demo seeded its season calendar, SLA targets and taxonomy through the audited books before the log existed.
        var probe = new DatabaseProbe(path);
        var earlier = await probe.Scalar<long>("SELECT (SELECT count(*) FROM RuleChanges) + (SELECT count(*) FROM SeasonChanges) " +
            "+ (SELECT count(*) FROM SlaChanges) + (SELECT count(*) FROM RoutingRuleChanges) + (SELECT count(*) FROM TaxonomyChanges)");
        Assert.True(earlier > 0);
        // Besides the copied history, the start records that this database is a demo (demo mode then retires its sign-ins
        // if it is ever turned off).
        Assert.Single(entries, e => e.GetProperty("action").GetString() == InstallStore.DemoSeeded);
        Assert.Equal(earlier, entries.Count(e => e.GetProperty("action").GetString() != InstallStore.DemoSeeded));
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "taxonomy.changed");
        Assert.All(entries, e => Assert.NotEqual(JsonValueKind.String, e.GetProperty("details").ValueKind));
    }

    [Fact]
    public async Task An_older_database_has_the_names_and_emails_of_its_audit_lines_moved_out_of_the_log()
    {
        var path = await TempDatabase.DemoBefore("AuditPersonalData");
        var probe = new DatabaseProbe(path);
        var raviUser = await probe.Scalar<string>($"SELECT Id FROM AspNetUsers WHERE NormalizedEmail = '{ApiClient.Ravi.ToUpperInvariant()}'");
        var raviEmployee = await probe.Scalar<string>($"SELECT Id FROM Employees WHERE Email = '{ApiClient.Ravi}'");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            var insert = connection.CreateCommand();
            // Lines as the code before this change wrote them: emails as actors and subjects, names in details.
            insert.CommandText = $$"""
                INSERT INTO AuditLog (At, Actor, Action, Subject, Details) VALUES
                ('2026-11-01 10:00:00', '{{ApiClient.Admin}}', 'user.created', '{{ApiClient.Ravi}}', '{"name":"Ravi Patel","roles":["Employee"]}'),
                ('2026-11-01 10:01:00', '{{ApiClient.Admin}}', 'user.changed', '{{ApiClient.Ravi}}', '{"nameBefore":"Ravi Patel","name":"Ravi P.","departmentId":null}'),
                ('2026-11-01 10:02:00', '{{ApiClient.Ravi}}', 'consent.given', '{{raviEmployee}}', '{"rankedByName":true}'),
                ('2026-11-01 10:03:00', 'gone.person@example.com', 'challenge.created', '{{Guid.CreateVersion7()}}', '{"name":"Old"}');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using var upgraded = GamifyHubFactory.OnDatabase(path);
        var admin = await upgraded.SignedIn(ApiClient.Admin);
        Assert.Equal(0, await probe.Scalar<long>(
            "SELECT COUNT(*) FROM AuditLog WHERE Actor LIKE '%@%' OR Subject LIKE '%@%' OR Details LIKE '%Ravi%' OR Details LIKE '%@%'"));
        Assert.Equal(2, await probe.Scalar<long>("SELECT COUNT(*) FROM AuditPersonalData"));

        // The admin page still shows who and what, joined at read time.
        var entries = (await admin.GetJson("/api/admin/audit?action=user.&limit=200")).GetProperty("entries").EnumerateArray().ToList();
        var created = Assert.Single(entries, e => e.GetProperty("action").GetString() == "user.created" && e.GetProperty("subject").GetString() == raviUser);
        Assert.Equal(ApiClient.Admin, created.GetProperty("actor").GetString());
        Assert.Equal("Ravi Patel", created.GetProperty("details").GetProperty("name").GetString());
        Assert.Equal("Ravi Patel", created.GetProperty("subjectName").GetString());
        var changed = Assert.Single(entries, e => e.GetProperty("action").GetString() == "user.changed" && e.GetProperty("subject").GetString() == raviUser);
        Assert.Equal("Ravi P.", changed.GetProperty("details").GetProperty("name").GetString());
        var consent = Assert.Single((await admin.GetJson("/api/admin/audit?action=consent.given&limit=200")).GetProperty("entries").EnumerateArray());
        Assert.Equal(ApiClient.Ravi, consent.GetProperty("actor").GetString());
        Assert.Equal($"user {raviUser}", consent.GetProperty("actorId").GetString());
        var old = Assert.Single((await admin.GetJson("/api/admin/audit?action=challenge.created&limit=200")).GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("details").GetProperty("name").GetString() == "Old");
        Assert.Equal("former colleague", old.GetProperty("actor").GetString());

        // And the log is append-only again.
        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        await check.OpenAsync();
        var update = check.CreateCommand();
        update.CommandText = "UPDATE AuditLog SET Actor = 'x'";
        Assert.Contains("append-only", (await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync())).Message);
    }
}
