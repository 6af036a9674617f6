using System.Net.Mail;
using System.Text;
using GamifyHub.Data;
using GamifyHub.Data.Identity;
using GamifyHub.Data.Maintenance;
using GamifyHub.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Hosting;

/// <summary>
/// <c>admin create --email &lt;email&gt; --name &lt;name&gt; [--Database:Path=&lt;db&gt;]</c>: the first admin of an install without
/// the demo, with the server stopped. The password is typed (asked twice, not echoed) or read from standard input, never
/// taken from the command line (it would stay in the shell's history and the process list). It works once: while an admin
/// who can sign in exists, it refuses, and admins add people under Admin → People.
/// </summary>
public static class AdminCommand
{
    public const string Usage = "Usage: admin create --email <email> --name <name> [--Database:Path=<db>]  (asks for the password, "
        + "or reads it from standard input)";

    /// <summary>0: created; 1: refused (an admin exists, the server runs, a bad password); 2: usage.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, bool interactive, TextWriter output, TextWriter error)
    {
        string? email = null, name = null;
        var settings = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--email" when i + 1 < args.Length:
                    email = args[++i].Trim();
                    break;
                case "--name" when i + 1 < args.Length:
                    name = args[++i].Trim();
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal):
                    settings.Add(a);
                    break;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        if (args is not [_, "create", ..] || email is null || name is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (email.Length > AuthEndpoints.EmailMaxLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            await error.WriteLineAsync("A valid email address is required (like name@company.example).");
            return 2;
        }

        if (name.Length is 0 or > People.PeopleEndpoints.NameMaxLength)
        {
            await error.WriteLineAsync($"A name of 1 to {People.PeopleEndpoints.NameMaxLength} characters is required.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder([.. settings]);
        var database = GamifyHubServices.DatabasePath(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        using var databaseLock = DatabaseLock.TryAcquire(database);
        if (databaseLock is null)
        {
            await error.WriteLineAsync($"The server is running on {database}. Stop it first, then run admin create again.");
            return 1;
        }

        await using var services = Services(builder.Configuration, database);
        await using (var db = await services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync())
        {
            await SqliteDatabase.MigrateAsync(db);
        }

        var install = services.GetRequiredService<InstallStore>();
        if (await install.HasActiveAdminAsync())
        {
            await error.WriteLineAsync($"An admin exists already in {database}: sign in as them and add people under Admin → People.");
            return 1;
        }

        var password = await ReadPasswordAsync(input, interactive, output);
        if (password is null)
        {
            await error.WriteLineAsync("The two passwords differ; nothing was created.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7().ToString(), UserName = email, Email = email, EmailConfirmed = true,
            NormalizedUserName = users.NormalizeName(email), NormalizedEmail = users.NormalizeEmail(email),
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync(string.Join(" ", problems) + " Nothing was created.");
            return 1;
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        if (!await install.CreateFirstAdminAsync(user, GamifyClaims.DisplayName, name))
        {
            await error.WriteLineAsync($"An admin or a person with the email {email} exists already in {database}; nothing was created.");
            return 1;
        }

        await output.WriteLineAsync($"Created the admin {email} in {database}. Start the server and sign in.");
        return 0;
    }

    /// <summary>Typed twice without echo on a terminal; one line from a pipe. Null when the two typed ones differ.</summary>
    private static async Task<string?> ReadPasswordAsync(TextReader input, bool interactive, TextWriter output)
    {
        if (!interactive)
        {
            return await input.ReadLineAsync() ?? "";
        }

        await output.WriteAsync($"Password (at least {PasswordPolicy.MinLength} characters): ");
        var first = ReadHidden();
        await output.WriteAsync("Again: ");
        var second = ReadHidden();
        return first == second ? first : null;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return text.ToString();
    }

    /// <summary>The data layer and Identity's password rules, without the web host, the silo or demo mode.</summary>
    private static ServiceProvider Services(IConfiguration configuration, string database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        services.AddGamifyData(_ => database);
        services.AddGamifyAuthentication();
        return services.BuildServiceProvider();
    }
}
