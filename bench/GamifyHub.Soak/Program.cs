using System.Diagnostics;
using GamifyHub.Soak;
using GamifyHub.Testing;

// Steady load against the real server for --minutes (default 10): engagement events at --rate per second,
// inbox and board reads, and a live board watcher. Every --interval seconds it samples the server's memory
// (RSS from /proc) and the latency of that interval, then writes the table to docs/benchmarks.md.
var options = SoakOptions.Parse(args);
var database = Path.Combine(Path.GetTempPath(), "gamifyhub-soak", Guid.NewGuid().ToString("N"), "soak.db");
Console.WriteLine($"Starting the server ({ServerProcess.ServerDll}) on {database}…");
await using var server = await ServerProcess.StartAsync(database);
var load = new SteadyLoad(server, options);
await load.Prepare();

Console.WriteLine($"Warming up for {options.WarmupSeconds} s…");
using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds)))
{
    await load.Run(warmup.Token, _ => { });
}

var samples = new List<SoakSample>();
var clock = Stopwatch.StartNew();
// One sample at the end of each interval, the last one exactly when the load stops: every interval gets its row.
var intervals = (int)Math.Ceiling(options.Minutes * 60.0 / options.IntervalSeconds);
using var stop = new CancellationTokenSource();
var running = load.Run(stop.Token, _ => { });
for (var i = 1; i <= intervals; i++)
{
    var due = TimeSpan.FromSeconds((double)options.IntervalSeconds * i) - clock.Elapsed;
    if (due > TimeSpan.Zero)
    {
        await Task.Delay(due);
    }

    Sample();
}

await stop.CancelAsync();
await running;

void Sample()
{
    var sample = load.TakeSample(clock.Elapsed, ProcessMemory.ResidentMegabytes(server.ProcessId));
    samples.Add(sample);
    Console.WriteLine(sample.ToConsole());
}

var report = SoakReport.Build(samples, options, load);
Console.WriteLine(report.Summary);
await report.WriteTo(Path.Combine(SoakReport.RepositoryRoot(), "docs", "benchmarks.md"));
await load.VerifyNothingLost();
Console.WriteLine("Every acknowledged event is in the database exactly once.");
return 0;
