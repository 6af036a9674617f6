using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>Admin → People and Departments, the password policy, lockout and disabling a sign-in.</summary>
public sealed class PeopleAdminTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private const string GoodPassword = "correct horse battery staple";

    private static string NewEmail(string name = "person") => $"{name}.{Guid.NewGuid().ToString("N")[..8]}@example.test";

    private async Task<Dictionary<string, Guid>> Departments(HttpClient admin) =>
        (await admin.GetJson("/api/admin/departments")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("slug").GetString()!, d => d.GetProperty("id").GetGuid());

    private async Task<JsonElement> CreatePerson(HttpClient admin, string email, string[] roles, Guid? department,
        string password = GoodPassword, string name = "Nora Neu", Guid[]? manages = null)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name, email, departmentId = department, roles, managedDepartmentIds = manages, password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    private async Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private async Task<HttpClient> Bearer(string email, string password = GoodPassword)
    {
        var client = factory.CreateClient();
        var response = await Login(client, email, password);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await response.Json()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<List<JsonElement>> Audit(HttpClient admin, string action) =>
        [.. (await admin.GetJson($"/api/admin/audit?action={action}&limit=200")).GetProperty("entries").EnumerateArray()];

    [Fact]
    public async Task The_password_policy_asks_for_length_not_composition_and_refuses_the_own_email()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var department = (await Departments(admin))["rnd"];
        var email = NewEmail("policy");

        var tooShort = await admin.PostAsJsonAsync("/api/admin/people",
            new { name = "Short", email, departmentId = department, roles = new[] { "Employee" }, password = "Abc123!xyz" });
        await ProblemAssert.Is(tooShort, HttpStatusCode.BadRequest, "at least 12 characters");
        Assert.True((await tooShort.Json()).GetProperty("errors").TryGetProperty("password", out _));

        var ownName = await admin.PostAsJsonAsync("/api/admin/people", new
        {
            name = "Own", email, departmentId = department, roles = new[] { "Employee" }, password = email.Split('@')[0] + "-and-more",
        });
        await ProblemAssert.Is(ownName, HttpStatusCode.BadRequest, "must not contain the email");

        // Lower-case words only, no digit or symbol: long enough is good enough (NIST SP 800-63B).
        await CreatePerson(admin, email, ["Employee"], department);
        var me = await (await Bearer(email)).GetJson("/api/me");
        Assert.Equal("Research & Development", me.GetProperty("departmentName").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_an_account_for_five_minutes_and_an_unknown_email_answers_exactly_alike()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var department = (await Departments(admin))["service"];
        var email = NewEmail("lock");
        var person = await CreatePerson(admin, email, ["Employee"], department);
        var unknown = NewEmail("nobody");
        var client = factory.CreateClient();

        foreach (var address in new[] { email, unknown })
        {
            var answers = new List<(HttpStatusCode, string, string)>();
            for (var i = 0; i < 6; i++)
            {
                var response = await Login(client, address, "wrong password " + i);
                var body = await response.Json();
                answers.Add((response.StatusCode, body.GetProperty("title").GetString()!, body.GetProperty("detail").GetString()!));
            }

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Item1));
            Assert.All(answers.Take(4), a => Assert.Equal("Email or password is wrong.", a.Item3));
            Assert.All(answers.Skip(4), a => Assert.Contains("locked for 5 minutes", a.Item3, StringComparison.Ordinal));

            // Even the right password does not get in while locked (and the unknown address answers the same).
            var right = await Login(client, address, GoodPassword);
            await ProblemAssert.Is(right, HttpStatusCode.Unauthorized, "locked for 5 minutes");
        }

        var locked = await admin.GetJson($"/api/admin/people/{person.GetProperty("id").GetString()}");
        var until = locked.GetProperty("lockedUntil").GetDateTimeOffset();
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
        Assert.False(locked.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task An_admin_creates_a_person_who_signs_in_with_their_department_and_roles_and_the_change_is_audited()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var department = (await Departments(admin))["service"];
        var email = NewEmail("created");
        var created = await CreatePerson(admin, email, ["Employee"], department, name: "Carla Created");
        Assert.Equal("Carla Created", created.GetProperty("name").GetString());
        Assert.Equal("Customer Service", created.GetProperty("departmentName").GetString());
        Assert.Equal(["Employee"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.NotEqual(JsonValueKind.Null, created.GetProperty("employeeId").ValueKind);

        var page = await admin.GetJson("/api/admin/people?search=carla%20created&pageSize=10");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(email, page.GetProperty("items")[0].GetProperty("email").GetString());
        var byEmail = await admin.GetJson($"/api/admin/people?search={Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal(1, byEmail.GetProperty("total").GetInt32());

        var me = await (await Bearer(email)).GetJson("/api/me");
        Assert.Equal("Carla Created", me.GetProperty("displayName").GetString());
        Assert.Equal("Customer Service", me.GetProperty("departmentName").GetString());
        // The company directory knows the new colleague at once (e.g. the department headcount).
        var departments = await admin.GetJson("/api/departments");
        Assert.Contains(departments.EnumerateArray(), d => d.GetProperty("id").GetGuid() == department && d.GetProperty("headcount").GetInt32() > 0);

        // The line names the person by id; their name and email are shown beside it, kept where erasure reaches them.
        var line = Assert.Single(await Audit(admin, "user.created"), e => e.GetProperty("subject").GetString() == created.GetProperty("id").GetString());
        Assert.Equal(ApiClient.Admin, line.GetProperty("actor").GetString());
        Assert.Equal("Carla Created", line.GetProperty("subjectName").GetString());
        Assert.Equal(email, line.GetProperty("details").GetProperty("email").GetString());
        Assert.Equal(0, await new DatabaseProbe(factory.DatabasePath).Scalar<long>(
            $"SELECT COUNT(*) FROM AuditLog WHERE instr(lower(Subject || Details || Actor), lower('{email}')) > 0 OR Details LIKE '%Carla%'"));
        Assert.DoesNotContain(GoodPassword, line.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_walks_the_whole_list_and_bad_paging_is_a_400()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var first = await admin.GetJson("/api/admin/people?page=1&pageSize=2");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 4);
        var seen = new HashSet<string>();
        for (var page = 1; (page - 1) * 2 < total; page++)
        {
            foreach (var item in (await admin.GetJson($"/api/admin/people?page={page}&pageSize=2")).GetProperty("items").EnumerateArray())
            {
                Assert.True(seen.Add(item.GetProperty("id").GetString()!));
            }
        }

        Assert.Equal(total, seen.Count);
        await ProblemAssert.Is(await admin.GetAsync("/api/admin/people?pageSize=0"), HttpStatusCode.BadRequest, "pageSize");
        await ProblemAssert.Is(await admin.GetAsync("/api/admin/people?page=0"), HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task Invalid_people_are_400s_naming_the_field_and_change_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var department = (await Departments(admin))["service"];
        var before = (await admin.GetJson("/api/admin/people")).GetProperty("total").GetInt32();
        var cases = new (object Body, string Field)[]
        {
            (new { name = "", email = NewEmail(), departmentId = department, roles = new[] { "Employee" }, password = GoodPassword }, "name"),
            (new { name = "X", email = "not-an-email", departmentId = department, roles = new[] { "Employee" }, password = GoodPassword }, "email"),
            (new { name = "X", email = NewEmail(), departmentId = Guid.CreateVersion7(), roles = new[] { "Employee" }, password = GoodPassword }, "departmentId"),
            (new { name = "X", email = NewEmail(), departmentId = (Guid?)null, roles = new[] { "Employee" }, password = GoodPassword }, "departmentId"),
            (new { name = "X", email = NewEmail(), departmentId = department, roles = new[] { "Boss" }, password = GoodPassword }, "roles"),
            (new { name = "X", email = NewEmail(), departmentId = department, roles = Array.Empty<string>(), password = GoodPassword }, "roles"),
            (new { name = "X", email = NewEmail(), departmentId = department, roles = new[] { "Employee" }, password = "" }, "password"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await admin.PostAsJsonAsync("/api/admin/people", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _), $"{field}: {await response.Content.ReadAsStringAsync()}");
        }

        var duplicate = await admin.PostAsJsonAsync("/api/admin/people",
            new { name = "Ravi Again", email = ApiClient.Ravi, departmentId = department, roles = new[] { "Employee" }, password = GoodPassword });
        await ProblemAssert.Is(duplicate, HttpStatusCode.Conflict, "exists already");
        Assert.Equal(before, (await admin.GetJson("/api/admin/people")).GetProperty("total").GetInt32());

        var unknown = Guid.CreateVersion7();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/people/{unknown}")).StatusCode);
        await ProblemAssert.Is(await admin.PatchAsJsonAsync($"/api/admin/people/{unknown}", new { name = "Y" }), HttpStatusCode.NotFound, "no person");
        await ProblemAssert.Is(await admin.PostAsync($"/api/admin/people/{unknown}/disable", null), HttpStatusCode.NotFound, "no person");
        var badChange = await admin.PatchAsJsonAsync($"/api/admin/people/{unknown}", new { roles = new[] { "King" } });
        Assert.Equal(HttpStatusCode.BadRequest, badChange.StatusCode);
    }

    [Fact]
    public async Task A_new_manager_manages_the_assigned_departments_without_signing_in_again()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var departments = await Departments(admin);
        var email = NewEmail("promoted");
        var person = await CreatePerson(admin, email, ["Employee"], departments["rnd"]);
        var id = person.GetProperty("id").GetString();
        var client = await Bearer(email);
        var challenge = new
        {
            name = "Managed", description = "x", metric = "action-count", action = "read", category = (string?)null, target = 3,
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(2), scope = "department",
            departmentIds = new[] { departments["service"] }, rewardPoints = 5, rewardBadge = (string?)null,
            recurrence = "none", schedule = false,
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/challenges", challenge)).StatusCode);

        var changed = await admin.PatchAsJsonAsync($"/api/admin/people/{id}", new
        {
            roles = new[] { "Employee", "Manager" }, managedDepartmentIds = new[] { departments["service"] },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Json();
        Assert.Equal(["Employee", "Manager"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal(new[] { departments["rnd"], departments["service"] }.Order(),
            body.GetProperty("managedDepartmentIds").EnumerateArray().Select(d => d.GetGuid()).Order());

        // The same bearer token: the roles and managed departments come from the store, not from the token.
        var me = await client.GetJson("/api/me");
        Assert.Contains("Manager", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/challenges", challenge)).StatusCode);
        var other = challenge with { departmentIds = new[] { departments["sales"] } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/challenges", other)).StatusCode);

        var renamed = await admin.PatchAsJsonAsync($"/api/admin/people/{id}", new { name = "Paula Promoted" });
        Assert.Equal("Paula Promoted", (await renamed.Json()).GetProperty("name").GetString());
        Assert.Equal("Paula Promoted", (await client.GetJson("/api/me")).GetProperty("displayName").GetString());

        Assert.Single(await Audit(admin, "user.roles-changed"), e => e.GetProperty("subject").GetString() == id);
        Assert.Single(await Audit(admin, "user.changed"), e => e.GetProperty("subject").GetString() == id);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role_or_disable_themselves()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var me = (await admin.GetJson("/api/admin/people?search=admin@demo")).GetProperty("items")[0];
        var id = me.GetProperty("id").GetString();
        await ProblemAssert.Is(await admin.PatchAsJsonAsync($"/api/admin/people/{id}", new { roles = new[] { "Employee" } }),
            HttpStatusCode.Conflict, "own Admin role");
        await ProblemAssert.Is(await admin.PostAsync($"/api/admin/people/{id}/disable", null), HttpStatusCode.Conflict, "disable your own");
        Assert.Contains("Admin", (await admin.GetJson("/api/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_disabled_person_cannot_sign_in_and_their_token_and_cookie_stop_working()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var email = NewEmail("disabled");
        var person = await CreatePerson(admin, email, ["Employee"], (await Departments(admin))["sales"]);
        var id = person.GetProperty("id").GetString();
        var bearer = await Bearer(email);
        var cookie = factory.CreateClient(new() { HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await Login(cookie, email, GoodPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/people/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/me")).StatusCode);
        await ProblemAssert.Is(await Login(factory.CreateClient(), email, GoodPassword), HttpStatusCode.Forbidden, "disabled");
        await ProblemAssert.Is(await Login(factory.CreateClient(), email, "a wrong password"), HttpStatusCode.Unauthorized, "Email or password is wrong");
        Assert.True((await admin.GetJson($"/api/admin/people/{id}")).GetProperty("disabled").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/people/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Bearer(email)).GetAsync("/api/me")).StatusCode);
        // The old token stays dead: disabling rotated the security stamp it carries.
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);

        var lines = (await Audit(admin, "user.changed")).Where(e => e.GetProperty("subject").GetString() == id).ToList();
        Assert.True(lines.Count == 2, string.Join("\n", lines.Select(l => l.GetRawText())));
    }

    [Fact]
    public async Task Departments_are_created_and_renamed_by_admins_only_and_audited()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var name = "Field Service " + Guid.NewGuid().ToString("N")[..4];
        var created = await admin.PostAsJsonAsync("/api/admin/departments", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        Assert.Contains((await admin.GetJson("/api/departments")).EnumerateArray(), d => d.GetProperty("name").GetString() == name);
        await ProblemAssert.Is(await admin.PostAsJsonAsync("/api/admin/departments", new { name = name.ToUpperInvariant() }),
            HttpStatusCode.Conflict, "exists already");
        await ProblemAssert.Is(await admin.PostAsJsonAsync("/api/admin/departments", new { name = " " }), HttpStatusCode.BadRequest, "name");

        var renamed = await admin.PutAsJsonAsync($"/api/admin/departments/{id}", new { name = name + " & Repairs" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains((await admin.GetJson("/api/departments")).EnumerateArray(), d => d.GetProperty("name").GetString() == name + " & Repairs");
        await ProblemAssert.Is(await admin.PutAsJsonAsync($"/api/admin/departments/{Guid.CreateVersion7()}", new { name = "Ghost" }),
            HttpStatusCode.NotFound, "no department");

        Assert.Single(await Audit(admin, "department.created"), e => e.GetProperty("subject").GetString() == name);
        Assert.Single(await Audit(admin, "department.changed"), e => e.GetProperty("subject").GetString() == name + " & Repairs");

        foreach (var email in new[] { ApiClient.Lena, ApiClient.Ravi })
        {
            var client = await factory.SignedIn(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/departments", new { name = "Mine" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/people")).StatusCode);
        }
    }
}
