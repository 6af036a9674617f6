using Microsoft.Extensions.FileProviders;

namespace GamifyHub.Server.Hosting;

/// <summary>Serves the built web client (web/dist) — built by the server's build when its sources change.</summary>
public static class WebClientFiles
{
    public static IFileProvider Provider(IWebHostEnvironment environment, IConfiguration configuration)
    {
        var path = configuration["WebClient:Path"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "web", "dist"));
        return Directory.Exists(path) ? new PhysicalFileProvider(path) : new NullFileProvider();
    }
}
