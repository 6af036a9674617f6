using GamifyHub.Data.Maintenance;

namespace GamifyHub.Server.Hosting;

/// <summary>
/// <c>backup &lt;file&gt;</c> (safe while the server runs), <c>restore &lt;file&gt;</c>, <c>import &lt;file&gt;</c> and
/// <c>admin create</c> (with the server stopped),
/// run instead of the server: <c>dotnet run --project src/GamifyHub.Server -- backup ~/gamifyhub.bak</c>.
/// </summary>
public static class MaintenanceCommands
{
    public static bool IsCommand(string[] args) => args is ["backup" or "restore" or "import" or "admin", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == "import")
        {
            return await Imports.ImportCommand.RunAsync(args, Console.Out, Console.Error);
        }

        if (args[0] == "admin")
        {
            return await AdminCommand.RunAsync(args, Console.In, !Console.IsInputRedirected, Console.Out, Console.Error);
        }

        var builder = WebApplication.CreateBuilder(args.Length > 2 ? args[2..] : []);
        var database = GamifyHubServices.DatabasePath(builder.Configuration, builder.Environment);
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync($"Usage: {args[0]} <file> [--Database:Path=<db>]");
            return 2;
        }

        try
        {
            if (args[0] == "backup")
            {
                var backup = await DatabaseBackup.BackupAsync(database, args[1]);
                Console.WriteLine($"Backed up {database} to {backup.FullName} ({backup.Length:N0} bytes).");
            }
            else
            {
                await DatabaseBackup.RestoreAsync(args[1], database);
                Console.WriteLine($"Restored {database} from {Path.GetFullPath(args[1])}.");
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
