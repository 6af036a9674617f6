using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>Customer comments that name an employee are flagged, and the name never attributes anything to that person.</summary>
public sealed class EmployeeMentionTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private async Task<System.Text.Json.JsonElement> Ingest(string text)
    {
        var response = await factory.WithApiKey().PostAsJsonAsync("/api/feedback",
            new { channel = "facebook", externalId = $"m-{Guid.NewGuid():N}", text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private static List<string?> Departments(System.Text.Json.JsonElement accepted) =>
        [.. accepted.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString())];

    [Fact]
    public async Task A_named_employee_flags_the_item_without_routing_scoring_or_recording_anything_for_them()
    {
        var probe = new DatabaseProbe(factory.DatabasePath);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString()!;
        var raviPoints = (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64();
        var raviEvents = await probe.Scalar<long>($"SELECT COUNT(*) FROM Events WHERE upper(EmployeeId) = upper('{raviId}')");
        var raviAwards = await probe.Scalar<long>($"SELECT COUNT(*) FROM Awards WHERE upper(EmployeeId) = upper('{raviId}')");

        var named = await Ingest("RAVI PATEL promised a call back about my order and nobody called");
        var unnamed = await Ingest("He promised a call back about my order and nobody called");

        // Routing is the same with and without the name: it is never a routing signal.
        Assert.Equal(Departments(unnamed), Departments(named));

        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var item = (await sofia.GetJson($"/api/feedback/{named.GetProperty("id").GetString()}")).GetProperty("item");
        Assert.True(item.GetProperty("mentionsEmployee").GetBoolean());
        Assert.False((await sofia.GetJson($"/api/feedback/{unnamed.GetProperty("id").GetString()}")).GetProperty("item")
            .GetProperty("mentionsEmployee").GetBoolean());

        // Nothing about Ravi changed: no event, no award, no points; the item stores no trace of who was named.
        Assert.Equal(raviEvents, await probe.Scalar<long>($"SELECT COUNT(*) FROM Events WHERE upper(EmployeeId) = upper('{raviId}')"));
        Assert.Equal(raviAwards, await probe.Scalar<long>($"SELECT COUNT(*) FROM Awards WHERE upper(EmployeeId) = upper('{raviId}')"));
        Assert.Equal(raviPoints, (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64());
        Assert.False(item.TryGetProperty("mentionedEmployee", out _));
    }

    [Theory]
    [InlineData("Danke an Lena Müller für die schnelle Hilfe")]
    [InlineData("thanks lena mueller!")]
    public async Task Umlauts_and_their_spellings_are_matched(string text)
    {
        var accepted = await Ingest(text);
        var id = accepted.GetProperty("id").GetString();
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var item = (await sofia.GetJson($"/api/feedback/{id}")).GetProperty("item");
        Assert.True(item.GetProperty("mentionsEmployee").GetBoolean());

        // Admins see flagged items in their own list (they have no inbox).
        var admin = await factory.SignedIn(ApiClient.Admin);
        var mentions = await admin.GetJson("/api/admin/mentions?pageSize=200");
        Assert.Contains(mentions.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await sofia.GetAsync("/api/admin/mentions")).StatusCode);
    }
}
