using System.Diagnostics;
using GamifyHub.Bench;
using Microsoft.Data.Sqlite;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

if (args is [RescoreChild.Argument, var childPath, var childCount, var childResult])
{
    return await RescoreChild.RunAsync(childPath, childCount, childResult);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var repo = RepoRoot.Find();
var serverDll = Path.GetFullPath(options.ServerDll ?? Path.Combine(repo, "src", "GamifyHub.Server", "bin", "Release", "net10.0", "GamifyHub.Server.dll"));
var workDir = Path.GetFullPath(options.WorkDir ?? Path.Combine(Path.GetTempPath(), $"gamifyhub-bench-{Guid.NewGuid():N}"));
Directory.CreateDirectory(workDir);
var loadBefore = Machine.LoadAverage();
ServerProcess? server = null;
var failed = false;

// The child server must not outlive the benchmark, whatever ends it (Ctrl+C and SIGTERM skip the finally below).
void Interrupted()
{
    server?.Kill();
    if (!options.Keep && options.WorkDir is null)
    {
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort on the way out.
        }
    }
}

AppDomain.CurrentDomain.ProcessExit += (_, _) => server?.Kill();
Console.CancelKeyPress += (_, _) => Interrupted();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
    _ => Interrupted());

try
{
    if (options.ActivationOnly)
    {
        await ActivationScenario.RunAsync(Path.Combine(workDir, "activation.db"), options.RescoreEvents, options.ActivationTail);
        return 0;
    }

    // Boards first: in-process and Redis only, no server, so `--only boards` never builds or starts it.
    if (options.RunBoards && !options.RescoreOnly && !options.InboxOnly)
    {
        var boards = await BoardsScenario.RunAsync(options);
        var boardsReport = new BoardsReport(options, boards, Machine.Describe(workDir, boards.LoadBefore));
        Console.WriteLine();
        Console.WriteLine(boardsReport.Table());
        Console.WriteLine(boardsReport.CostTable());
        Console.WriteLine(boardsReport.MemoryTable());
        foreach (var observation in boardsReport.Observations())
        {
            Console.WriteLine($"- {observation}");
        }

        Console.WriteLine();
        if (options.WriteDocs)
        {
            var docs = Path.Combine(repo, "docs", "benchmarks.md");
            boardsReport.WriteInto(docs);
            Console.WriteLine($"Board figures written to {docs}");
            Console.WriteLine();
        }

        loadBefore = Machine.LoadAverage();
    }

    if (!options.RunEvents && !options.RunAnalytics && !options.RunFanout)
    {
        return 0;
    }

    if (!options.RescoreOnly && !File.Exists(serverDll))
    {
        if (!options.BuildServerIfMissing)
        {
            throw new BenchFailure($"The server is not built: {serverDll} is missing. Run bench/run.sh, or build it with " +
                                   "`dotnet build -c Release src/GamifyHub.Server -p:BuildWebClient=false`.");
        }

        await BuildServerAsync(repo);
    }

    if (options.Only == "analytics")
    {
        await RunAnalyticsAsync(options, serverDll, workDir, repo, loadBefore);
        return 0;
    }

    if (options.Only == "fanout")
    {
        await RunFanoutAsync(options, serverDll, workDir, repo, loadBefore);
        return 0;
    }

    if (options.InboxOnly)
    {
        await RunInboxAsync(options, serverDll, workDir, repo, loadBefore);
        return 0;
    }

    if (options.ImportOnly)
    {
        // A seeded demo database to import into: the server makes it on its first start.
        var seeded = Path.Combine(workDir, "seeded.db");
        server = ServerProcess.Start(serverDll, seeded, Path.Combine(workDir, "server.log"));
        using (var probe = ApiScenario.CreateClient(server.BaseAddress, 1))
        {
            await server.WaitUntilReadyAsync(probe, TimeSpan.FromSeconds(180));
        }

        server.Kill();
        Console.WriteLine($"GamifyHub import benchmark: {options.ImportSmallRows:N0} and {options.ImportRows:N0} rows");
        var runs = new List<ImportScenario.Run>
        {
            await ImportScenario.RunAsync(serverDll, seeded, workDir, "csv", options.ImportSmallRows),
            await ImportScenario.RunAsync(serverDll, seeded, workDir, "csv", options.ImportRows),
            await ImportScenario.RunAsync(serverDll, seeded, workDir, "jsonl", options.ImportRows),
        };
        var section = ImportScenario.Section(runs, Machine.Describe(workDir, loadBefore),
            "dotnet run -c Release --project bench/GamifyHub.Bench -- " + string.Join(' ', options.RawArgs));
        Console.WriteLine();
        Console.WriteLine(section);
        if (options.WriteDocs)
        {
            ImportScenario.WriteInto(Path.Combine(repo, "docs", "benchmarks.md"), section);
        }

        return 0;
    }

    Console.WriteLine($"GamifyHub benchmark: {options.Events:N0} events, batch {options.Batch}, {options.Concurrency} clients");
    Console.WriteLine($"  server:    {serverDll}");
    Console.WriteLine($"  work dir:  {workDir}");
    Console.WriteLine($"  load avg:  {loadBefore} (other work on this machine skews every row)");
    var results = new List<ScenarioResult>();
    var checks = new List<string>();
    var observations = new List<string>();

    if (!options.RescoreOnly)
    {
        // 1. The API, end to end, against the real server process.
        var serverDb = Path.Combine(workDir, "bench.db");
        server = ServerProcess.Start(serverDll, serverDb, Path.Combine(workDir, "server.log"));
        using var http = ApiScenario.CreateClient(server.BaseAddress, options.Concurrency);
        var startClock = Stopwatch.StartNew();
        await server.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(180));
        Console.WriteLine($"  server pid {server.ProcessId} ready at {server.BaseAddress} after {startClock.Elapsed.TotalSeconds:0.0} s");

        var employees = BenchDatabase.Employees(serverDb);
        if (employees.Count == 0)
        {
            throw new BenchFailure("The server's database has no employees: is demo mode off?");
        }

        await BenchRules.ApplyAsync(server.BaseAddress);
        var api = new ApiScenario(http, options.Batch, options.Concurrency, () => server.HasExited);
        // Warm-up (not measured): activates every employee grain, opens connections and JIT-compiles both sides.
        var warmup = Workload.Create(Math.Min(options.Events, Math.Max(employees.Count * 10, 2_000)), employees);
        Console.WriteLine($"  warm-up:   {warmup.Count:N0} events through the API …");
        await api.RunAsync(warmup);

        var events = Workload.Create(options.Events, employees, warmup.Count);
        var seqBefore = BenchDatabase.MaxSeq(serverDb);
        var problemsBefore = server.Problems().Count;
        Console.WriteLine($"  measuring: {events.Count:N0} events through POST /api/events/batch …");
        var serverCpu = server.CpuTime;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcome = await api.RunAsync(events);
        serverCpu = server.CpuTime - serverCpu;
        benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;
        var stored = BenchDatabase.After(serverDb, seqBefore);
        var problems = server.Problems().Skip(problemsBefore).ToList();
        server.Kill();

        if (stored.Events != events.Count)
        {
            throw new BenchFailure($"The Events table gained {stored.Events:N0} rows, but {events.Count:N0} events were acknowledged.");
        }

        // Each employee's ledger scores (caps, diminishing returns, bursts), so points are checked against the answers.
        if (stored.Points != outcome.Points)
        {
            throw new BenchFailure($"Awards do not add up: stored {stored.Awards:N0} rows / {stored.Points:N0} points, answered " +
                                   $"{outcome.Points:N0} points.");
        }

        if (stored.Awards != events.Sum(e => e.Awards.Count) || stored.Points != events.Sum(e => (long)e.Points))
        {
            throw new BenchFailure($"The API stored {stored.Awards:N0} award rows / {stored.Points:N0} points, the raw runs append " +
                                   $"{events.Sum(e => e.Awards.Count):N0} / {events.Sum(e => (long)e.Points):N0}: not the same rows.");
        }

        checks.Add($"the Events table of the server's database gained exactly {stored.Events:N0} rows (= events sent) and the Awards " +
                   $"table {stored.Awards:N0} rows worth {stored.Points:N0} points, matching the points the API answered and the award rows " +
                   "the raw and writer runs append (the run applies the default rules without caps or anti-gaming first)");
        results.Add(new ScenarioResult($"API: POST /api/events/batch ({options.Batch}/request, {options.Concurrency} clients)",
            events.Count, outcome.Elapsed, outcome.Latency, "request", stored.Commits));
        var cores = Environment.ProcessorCount;
        observations.Add($"during the measured API run the server process used {serverCpu.TotalSeconds:0.0} CPU-seconds " +
                         $"({serverCpu / outcome.Elapsed / cores:P0} of {cores} cores, {serverCpu.TotalMilliseconds * 1000 / events.Count:0} µs per event) " +
                         $"and the load generator {benchCpu.TotalSeconds:0.0} CPU-seconds ({benchCpu / outcome.Elapsed / cores:P0})");
        observations.Add($"the server's writer committed the API events in {stored.Commits:N0} transactions, " +
                         $"{(double)stored.Events / stored.Commits:0.0} events per commit on average (its limit is {new GamifyHub.Data.Writing.WriterOptions().MaxBatch})");
        if (problems.Count > 0)
        {
            var first = problems[0].Length <= 240 ? problems[0] : problems[0][..120] + " … " + problems[0][^120..];
            observations.Add($"the server logged {problems.Count} warning/error line(s) during the measured run, e.g. `{first}`");
        }

        if (outcome.Retries > 0)
        {
            observations.Add($"the API refused or dropped {outcome.Retries} request(s), retried with the same event ids " +
                             $"({string.Join(", ", outcome.RetryReasons.Select(r => $"{r.Key}: {r.Value}"))}); {outcome.Duplicates} " +
                             "event(s) came back as duplicates of an earlier, unanswered attempt");
        }

        // In-process warm-up (not measured, throwaway files): JIT, EF Core's model and query caches, SQLite's first opens.
        Console.WriteLine("  warm-up:   raw SQLite and EngagementWriter in-process …");
        var inProcessWarmup = warmup.Take(1_000).ToList();
        await RawSqliteScenario.RunAsync(Path.Combine(workDir, "warmup-raw.db"), inProcessWarmup, options.GroupSize);
        await WriterScenario.RunAsync(Path.Combine(workDir, "warmup-writer.db"), inProcessWarmup, options.Batch * options.Concurrency);

        // 2. Raw appends of the same rows, with the server stopped so it does not compete for the CPU and the disk.
        Console.WriteLine($"  raw SQLite: {events.Count:N0} events, {options.GroupSize} per transaction …");
        var grouped = await RawSqliteScenario.RunAsync(Path.Combine(workDir, "raw-grouped.db"), events, options.GroupSize);
        results.Add(new ScenarioResult($"raw SQLite: {options.GroupSize} events per transaction", events.Count, grouped.Elapsed,
            grouped.Latency, "transaction", grouped.Commits));
        // One machine-readable line per scenario (issue 14, item 1): the API against raw appends of the same rows, same run.
        var apiRate = results[0].EventsPerSecond;
        var rawRate = results[^1].EventsPerSecond;
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT api_events_per_s={apiRate:0} raw_events_per_s={rawRate:0} ratio={apiRate / rawRate:0.000} employees={employees.Count}"));

        var singles = events.Take(Math.Min(options.SingleTxEvents, events.Count)).ToList();
        Console.WriteLine($"  raw SQLite: {singles.Count:N0} events, one transaction each …");
        var single = await RawSqliteScenario.RunAsync(Path.Combine(workDir, "raw-single.db"), singles, 1);
        results.Add(new ScenarioResult("raw SQLite: 1 event per transaction", singles.Count, single.Elapsed, single.Latency, "transaction",
            single.Commits));

        // 3. Where the gap goes: the server's own writer in this process, with as many writes in flight as the API run had.
        var writerEvents = events.Take(Math.Min(options.WriterEvents, events.Count)).ToList();
        var inFlight = options.Batch * options.Concurrency;
        Console.WriteLine($"  EngagementWriter in-process: {writerEvents.Count:N0} events, {inFlight} writes in flight …");
        var writerPath = Path.Combine(workDir, "writer.db");
        var writer = await WriterScenario.RunAsync(writerPath, writerEvents, inFlight, options.WriterMaxBatch);
        var writerStored = BenchDatabase.After(writerPath, 0);
        if (writerStored.Events != writerEvents.Count)
        {
            throw new BenchFailure($"The in-process writer stored {writerStored.Events:N0} of {writerEvents.Count:N0} events.");
        }

        var batchNote = options.WriterMaxBatch is { } m ? $", at most {m} per commit" : "";
        results.Add(new ScenarioResult($"EngagementWriter alone, in-process (prepared statements), {inFlight} writes in flight{batchNote}", writerEvents.Count,
            writer.Elapsed, writer.Latency, "event", writerStored.Commits));
    }

    // 4. Rescoring: a rule change applied to a stored log, through the same code as POST /api/admin/rules/apply.
    var rescoring = new List<ScenarioResult>();
    var rescoreChecks = new List<string>();
    if (!options.SkipRescore)
    {
        Console.WriteLine($"  rescoring: {options.RescoreEvents:N0} events stored with their award lines, apply a changed rule set …");
        var rescore = await RescoreChild.RunWithServerGcAsync(Path.Combine(workDir, "rescore.db"), options.RescoreEvents);
        var none = Percentiles.Of([]);
        foreach (var phase in rescore.Phases)
        {
            rescoring.Add(new ScenarioResult($"rescore, cold: {phase.Name} (process CPU {phase.ProcessCpu.TotalSeconds:0.0} s)",
                options.RescoreEvents, phase.Elapsed, none, "–"));
        }

        rescoring.Add(new ScenarioResult($"**apply, cold** (no preview before it; {rescore.Lines:N0} award lines + {rescore.Flags:N0} flags, 1 transaction)",
            options.RescoreEvents, rescore.Total, none, "–", 1));
        rescoring.Add(new ScenarioResult("preview of the change (both rule sets replayed side by side, nothing written)",
            options.RescoreEvents, rescore.Preview, none, "–"));
        foreach (var phase in rescore.AfterPreviewPhases)
        {
            rescoring.Add(new ScenarioResult($"rescore after the preview: {phase.Name} (process CPU {phase.ProcessCpu.TotalSeconds:0.0} s)",
                options.RescoreEvents, phase.Elapsed, none, "–"));
        }

        rescoring.Add(new ScenarioResult("**apply right after the preview** (the admin's flow: preview, then apply; same file, fresh copy)",
            options.RescoreEvents, rescore.AfterPreviewTotal, none, "–", 1));
        rescoreChecks.Add($"rescoring replaced the award lines of {options.RescoreEvents:N0} stored events: {rescore.PointsBefore:N0} points under " +
                   $"the default rules before, {rescore.PointsAfter:N0} under the changed ones after; the file then held exactly the " +
                   $"{rescore.Lines:N0} award lines, {rescore.PointsAfter:N0} points and {rescore.Flags:N0} flags the apply reported " +
                   $"(generating the log took {rescore.Generate.TotalSeconds:0.0} s and " +
                   (rescore.SeedReused ? "copying the kept seeded file " : "seeding the file ") +
                   $"{rescore.Seed.TotalSeconds:0.0} s, not counted)");
        if (rescore.PointsAfter <= rescore.PointsBefore)
        {
            throw new BenchFailure("Doubling read points did not raise the replayed total.");
        }
    }

    if (!options.SkipInbox && !options.RescoreOnly)
    {
        await RunInboxAsync(options, serverDll, workDir, repo, Machine.LoadAverage());
    }

    if (options.RunAnalytics && !options.RescoreOnly && !options.InboxOnly)
    {
        await RunAnalyticsAsync(options, serverDll, workDir, repo, Machine.LoadAverage());
    }

    if (options.RunFanout && !options.RescoreOnly && !options.InboxOnly)
    {
        await RunFanoutAsync(options, serverDll, workDir, repo, Machine.LoadAverage());
    }

    SqliteConnection.ClearAllPools();
    var report = new Report(options, results, checks, observations, Machine.Describe(workDir, loadBefore), rescoring, rescoreChecks);
    Console.WriteLine();
    if (!options.RescoreOnly)
    {
        Console.WriteLine(report.Table());
    }

    Console.WriteLine(report.RescoringTable());
    if (!options.RescoreOnly)
    {
        Console.WriteLine(report.Ratios());
    }

    foreach (var observation in observations)
    {
        Console.WriteLine($"- {observation}");
    }

    Console.WriteLine();
    foreach (var check in rescoreChecks)
    {
        Console.WriteLine($"- {check}");
    }

    if (options.WriteDocs)
    {
        var docs = Path.Combine(repo, "docs", "benchmarks.md");
        report.WriteInto(docs);
        Console.WriteLine($"Figures written to {docs}");
    }

    return 0;
}
catch (Exception ex)
{
    failed = true;
    var message = ex is BenchFailure ? ex.Message : ex.ToString();
    Console.Error.WriteLine();
    Console.Error.WriteLine($"BENCHMARK FAILED: {message}");
    if (server is not null && !message.Contains(server.RecentOutput(), StringComparison.Ordinal))
    {
        Console.Error.WriteLine("Last server output:");
        Console.Error.WriteLine(server.RecentOutput());
    }

    return 1;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }

    SqliteConnection.ClearAllPools();
    if (options.Keep || options.WorkDir is not null || (failed && Directory.EnumerateFileSystemEntries(workDir).Any()))
    {
        Console.WriteLine($"SQLite files and server.log kept in {workDir}");
    }
    else
    {
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {workDir}: {ex.Message}");
        }
    }
}

static async Task RunInboxAsync(BenchOptions options, string serverDll, string workDir, string repo, string loadBefore)
{
    Console.WriteLine($"Inbox paging: {options.InboxItems:N0} items, {options.InboxSamples} timed requests per row");
    var result = await InboxScenario.RunAsync(serverDll, workDir, options.InboxItems, options.InboxSamples);
    var command = "dotnet run -c Release --project bench/GamifyHub.Bench -- " + string.Join(' ', options.RawArgs);
    var section = InboxScenario.Section(result, command.TrimEnd(' ', '-'), Machine.Describe(workDir, loadBefore));
    Console.WriteLine();
    Console.WriteLine(section);
    if (options.WriteDocs)
    {
        InboxScenario.WriteInto(Path.Combine(repo, "docs", "benchmarks.md"), section);
    }
}

static async Task RunAnalyticsAsync(BenchOptions options, string serverDll, string workDir, string repo, string loadBefore)
{
    Console.WriteLine($"Analytics: a {options.AnalyticsEvents:N0}-event log, start-up load, requests, intake CPU with the projection on/off");
    var result = await AnalyticsScenario.RunAsync(options, serverDll, workDir);
    var command = "bench/run.sh " + string.Join(' ', options.RawArgs);
    var section = AnalyticsScenario.Section(result, Machine.Describe(workDir, loadBefore), command.TrimEnd());
    Console.WriteLine();
    Console.WriteLine(section);
    if (options.WriteDocs)
    {
        Report.WriteSection(Path.Combine(repo, "docs", "benchmarks.md"), AnalyticsScenario.Begin, AnalyticsScenario.End, section);
    }
}

static async Task RunFanoutAsync(BenchOptions options, string serverDll, string workDir, string repo, string loadBefore)
{
    Console.WriteLine($"Live fan-out: {options.FanoutClients:N0} SignalR clients watching boards, {options.FanoutRate:N0} events/s for " +
                      $"{options.FanoutSeconds} s (load average {loadBefore})");
    var result = await FanoutScenario.RunAsync(options, serverDll, workDir);
    var command = "bench/run.sh " + string.Join(' ', options.RawArgs);
    var section = FanoutReport.Section(result, Machine.Describe(workDir, loadBefore), command.TrimEnd());
    Console.WriteLine();
    Console.WriteLine(section);
    Console.WriteLine(FanoutReport.ResultLine(result));
    if (options.WriteDocs)
    {
        Report.WriteSection(Path.Combine(repo, "docs", "benchmarks.md"), FanoutScenario.Begin, FanoutScenario.End, section);
    }
}

static async Task BuildServerAsync(string repo)
{
    Console.WriteLine("The server is not built yet: dotnet build -c Release src/GamifyHub.Server -p:BuildWebClient=false …");
    var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, UseShellExecute = false };
    foreach (var arg in new[] { "build", "-c", "Release", Path.Combine("src", "GamifyHub.Server"), "-p:BuildWebClient=false", "-nologo", "-v:q" })
    {
        info.ArgumentList.Add(arg);
    }

    using var build = Process.Start(info) ?? throw new BenchFailure("Could not start `dotnet build`.");
    await build.WaitForExitAsync();
    if (build.ExitCode != 0)
    {
        throw new BenchFailure($"Building the server failed (exit code {build.ExitCode}).");
    }
}
