using System.Text.Json;
using GamifyHub.Server.Imports;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The <c>import</c> command, called through its entry point in this process.</summary>
public sealed class ImportCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportCommand.RunAsync(["import", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_import_command_refuses_while_the_server_runs_then_imports_into_its_database_with_a_row_error_report()
    {
        var p = $"cli-{Guid.NewGuid():N}-";
        var file = Path.Combine(Path.GetTempPath(), $"{p}feedback.csv");
        await File.WriteAllTextAsync(file, $"""
            channel,externalId,author,text
            facebook,{p}1,@kim,The app crashes when I open the camera.
            blog,{p}2,@eve,
            x,{p}3,@ann,Love the new speaker!
            x,{p}3,@ann,Love the new speaker!
            """);
        var factory = new GamifyHubFactory();
        _ = factory.CreateClient();
        var database = factory.DatabasePath;
        var probe = new DatabaseProbe(database);
        var items = await probe.Scalar<long>("SELECT count(*) FROM FeedbackItems");

        var refused = await Run(file, $"--Database:Path={database}");
        Assert.Equal(1, refused.Code);
        Assert.Contains("server is running", refused.Err, StringComparison.Ordinal);
        Assert.Equal(items, await probe.Scalar<long>("SELECT count(*) FROM FeedbackItems"));

        await factory.DisposeAsync();
        var (code, output, _) = await Run(file, "--json", $"--Database:Path={database}");

        Assert.Equal(3, code);
        var summary = JsonDocument.Parse(output).RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("rowsRead").GetInt64());
        Assert.Equal(2, summary.GetProperty("stored").GetInt64());
        Assert.Equal(1, summary.GetProperty("duplicates").GetInt64());
        Assert.Equal(1, summary.GetProperty("rejected").GetInt64());
        Assert.Equal(3, summary.GetProperty("errors")[0].GetProperty("row").GetInt64());
        var report = summary.GetProperty("errorReport").GetString()!;
        Assert.Contains("\"row\":3", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        Assert.Equal(items + 2, await probe.Scalar<long>("SELECT count(*) FROM FeedbackItems"));

        // The server started again sees the imported item, routed like any other.
        await using var again = GamifyHubFactory.OnDatabase(database);
        var ravi = await again.SignedIn(ApiClient.Ravi);
        var page = await ravi.GetJson("/api/feedback?status=all&pageSize=100");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("externalId").GetString() == p + "1");
        File.Delete(file);
        File.Delete(report);
    }

    [Fact]
    public async Task The_import_command_explains_a_wrong_call()
    {
        Assert.Equal(2, (await Run()).Code);
        Assert.Equal(2, (await Run("feedback.xml")).Code);
        var missing = await Run("/no/such/file.csv");
        Assert.Equal(1, missing.Code);
        Assert.Contains("No such file", missing.Err, StringComparison.Ordinal);
        var file = Path.GetTempFileName() + ".jsonl";
        await File.WriteAllTextAsync(file, "{}\n");
        var noDatabase = await Run(file, $"--Database:Path={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.db")}");
        Assert.Equal(1, noDatabase.Code);
        Assert.Contains("No database", noDatabase.Err, StringComparison.Ordinal);
        File.Delete(file);
    }
}
