using System.Net;

namespace GamifyHub.Testing;

public static class ProblemAssert
{
    /// <summary>The answer is an RFC 9457 problem with the status and a detail that says what was wrong.</summary>
    public static async Task Is(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Xunit.Assert.Equal(status, response.StatusCode);
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Xunit.Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Xunit.Assert.Contains(detailContains, body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
