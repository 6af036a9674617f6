using System.Diagnostics;
using System.Globalization;
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
using var measured = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
var sampler = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IntervalSeconds));
    while (await timer.WaitForNextTickAsync(CancellationToken.None) && !measured.IsCancellationRequested)
    {
        var sample = load.TakeSample(clock.Elapsed, ProcessMemory.ResidentMegabytes(server.ProcessId));
        samples.Add(sample);
        Console.WriteLine(sample.ToConsole());
    }
});
await load.Run(measured.Token, _ => { });
await sampler;

var report = SoakReport.Build(samples, options, load);
Console.WriteLine(report.Summary);
await report.WriteTo(Path.Combine(SoakReport.RepositoryRoot(), "docs", "benchmarks.md"));
await load.VerifyNothingLost();
Console.WriteLine("Every acknowledged event is in the database exactly once.");
return 0;
