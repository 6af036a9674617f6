using System.Text.Json;
using GamifyHub.Data.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GamifyHub.Server.Health;

/// <summary>Health as JSON: the overall status and each check (silo, database, writer queue) with its data.</summary>
public static class HealthResponse
{
    /// <summary>What anyone but an admin reads for a check that threw: its message may name paths, hosts or SQL.</summary>
    public const string FailedWithoutDetails = "The check failed; the server's log has the details.";

    public static Task Write(HttpContext context, HealthReport report)
    {
        // The route is anonymous (load balancers call it); an admin signed in by cookie or token sees the exception too.
        var details = context.User.IsInRole(Roles.Admin);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // A check that throws gets the exception's message as its description, so that one is withheld too.
                description = e.Value.Exception is { } exception
                    ? details ? exception.Message : FailedWithoutDetails
                    : e.Value.Description,
                data = e.Value.Data,
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
