using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GamifyHub.Server.Health;

/// <summary>Health as JSON: the overall status and each check (silo, database, writer queue) with its data.</summary>
public static class HealthResponse
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                data = e.Value.Data,
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
