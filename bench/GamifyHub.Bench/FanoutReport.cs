using System.Globalization;
using System.Text;

namespace GamifyHub.Bench;

/// <summary>The fan-out scenario's figures as the RESULT line and as its generated section of docs/benchmarks.md.</summary>
public static class FanoutReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The one machine-readable line (issue 14, item 6).</summary>
    public static string ResultLine(FanoutScenario.Result r) => string.Create(Inv,
        $"RESULT fanout clients={r.Clients} events_per_s={r.EventsPerSecond:0} pushes_per_client_s_max={r.PushesPerSecond.Max:0.##} " +
        $"push_p99_ms={r.Latency.P99:0} disconnected={r.Disconnected} server_cpu_pct={r.ServerCpuPct:0}");

    public static string Section(FanoutScenario.Result r, Machine machine, string command)
    {
        static string Goal(bool met) => met ? "met" : "**not met**";
        var sb = new StringBuilder();
        sb.AppendLine(FanoutScenario.Begin);
        sb.AppendLine();
        sb.AppendLine(Inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}` on {machine.Cpu}, {machine.Cores} cores, {machine.Memory}, " +
                           $"{machine.Runtime}; load average {machine.LoadBefore} when it started and {machine.LoadAfter} when it ended " +
                           $"(the machine is shared: other builds and tests skew every figure).");
        sb.AppendLine();
        sb.AppendLine(Inv, $"{r.Clients:N0} SignalR clients signed in as the demo's {r.People} employees, watching: " +
                           $"{string.Join(", ", r.Boards.Select(b => $"{b.Key} {b.Value}"))} (connected and watching in {r.ConnectTime.TotalSeconds:0.0} s). " +
                           $"Load: {r.TargetRate:N0} events/s offered for {r.Seconds} s through `POST /api/events/batch`." +
                           $"{(r.MutedAwards ? " **Diagnostic run: every employee muted \"award\" notifications first.**" : "")}");
        sb.AppendLine();
        sb.AppendLine("| figure | goal | measured | |");
        sb.AppendLine("|---|---:|---:|---|");
        sb.AppendLine(Inv, $"| events accepted (stored ÷ time to the last answer) | {r.TargetRate:N0}/s | {r.EventsPerSecond:N0}/s ({r.Stored:N0} of {r.Sent:N0} sent, {r.LoadElapsed.TotalSeconds:0.0} s) | {Goal(r.EventsPerSecond >= r.TargetRate * 0.98 && r.LoadFailure is null)} |");
        sb.AppendLine(Inv, $"| `BoardChanged` per client per board per second, max / p99 over 1-s buckets | ≤ 4 | {r.PushesPerSecond.Max:0} / {r.PushesPerSecond.P99:0} (p50 {r.PushesPerSecond.P50:0}) | {Goal(r.PushesPerSecond.Max <= 4)} |");
        sb.AppendLine(Inv, $"| event commit → push received, p50 / p99 / max | p99 ≤ 300 ms | {r.Latency.P50:N0} / {r.Latency.P99:N0} / {r.Latency.Max:N0} ms | {Goal(r.Latency.P99 <= 300)} |");
        sb.AppendLine(Inv, $"| clients disconnected | 0 | {r.Disconnected} | {Goal(r.Disconnected == 0)} |");
        sb.AppendLine(Inv, $"| server CPU (process CPU time ÷ wall time of the load, of {Environment.ProcessorCount} cores) | reported | {r.ServerCpuPct:0} % | |");
        sb.AppendLine(Inv, $"| server RSS before / peak / after | reported | {r.RssStartMb:N0} / {r.RssPeakMb:N0} / {r.RssEndMb:N0} MiB | |");
        sb.AppendLine();
        sb.AppendLine("| clients watching | clients | pushes/s per client, max / p99 / p50 | commit → push p50 / p99 / max ms | samples |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var k in r.ByKind)
        {
            sb.AppendLine(Inv, $"| {k.Kind} | {k.Clients:N0} | {k.PushesPerSecond.Max:0} / {k.PushesPerSecond.P99:0} / {k.PushesPerSecond.P50:0} | " +
                               $"{k.Latency.P50:N0} / {k.Latency.P99:N0} / {k.Latency.Max:N0} | {k.Latency.Samples:N0} |");
        }

        sb.AppendLine();
        sb.AppendLine("Commit → push by when the event was committed (a latency that grows through the run is a backlog behind the commits):");
        sb.AppendLine();
        sb.AppendLine("| committed (s after the load began) | p50 ms | p99 ms | max ms | samples |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < r.BySlice.Count; i++)
        {
            var to = i + 1 < r.BySlice.Count ? r.BySlice[i + 1].From.TotalSeconds.ToString("0", Inv) : "";
            var l = r.BySlice[i].Latency;
            sb.AppendLine(Inv, $"| {r.BySlice[i].From.TotalSeconds:0}–{to} | {l.P50:N0} | {l.P99:N0} | {l.Max:N0} | {l.Samples:N0} |");
        }

        sb.AppendLine();
        sb.AppendLine(Inv, $"- {r.Pushes:N0} `BoardChanged` received in all; {r.Personal:N0} personal messages (`Notification`, `UnreadCount`, …) " +
                           $"besides, {r.Personal / Math.Max(1, r.Clients) / r.LoadElapsed.TotalSeconds:0.0} per client per second (each employee's " +
                           $"own awards and unread counts; with {r.People} employees each has ~{(double)r.Clients / Math.Max(1, r.People):0} " +
                           $"clients, so each of those messages goes to that many connections).");
        sb.AppendLine(Inv, $"- latency samples: {r.Latency.Samples:N0} (client, event) pairs; {r.MatchedRows:N0} push rows matched a commit boundary " +
                           $"exactly, {r.Unmatched:N0} fell between two commits' running sums, {r.Unknown:N0} named a member no snapshot listed; " +
                           $"{r.NegativeLatencies:N0} samples before their commit stamp, {r.LatencyOverflow:N0} over 120 s. {r.Unreflected:N0} (client, event) " +
                           $"pairs were never shown: events of a member the client's board had shown, not yet in a push when the clients closed " +
                           $"2 s after the last answer (or the member had fallen below the visible ranks); they are not in the percentiles; " +
                           $"{r.Hidden:N0} pairs were first shown when their member came back into the visible ranks (committed before a push " +
                           $"that did not show the member; not in the percentiles either).");
        sb.AppendLine(Inv, $"- the load generator (the benchmark's process, its {r.Clients:N0} clients included) used {r.BenchCpuPct:0} % of the cores; " +
                           $"a push's arrival is stamped when its handler runs, so a busy client would add to the latency.");
        sb.AppendLine(Inv, $"- time between two pushes on one client: shortest {r.ShortestGapMs:0} ms, 1st percentile {r.GapP1Ms:0} ms (the " +
                           $"board tick is 250 ms; 5 in a 1-s bucket needs a gap under it).");
        sb.AppendLine(r.Refusals.Count == 0
            ? "- the server refused no request of the load."
            : string.Create(Inv, $"- requests the server refused or dropped, retried with the same event ids: " +
                                 $"{string.Join(", ", r.Refusals.Select(x => string.Create(Inv, $"{x.Key}: {x.Value:N0}")))} (a 503 is " +
                                 $"backpressure: a full write queue, or more committed events than allowed that the projections have not handled yet)."));
        if (r.LoadFailure is not null)
        {
            sb.AppendLine(Inv, $"- the load generator gave up on a batch: {r.LoadFailure}");
        }

        if (r.CloseReasons.Count > 0)
        {
            sb.AppendLine(Inv, $"- connections closed: {string.Join("; ", r.CloseReasons)}");
        }

        if (r.Problems.Count > 0)
        {
            var first = r.Problems[0].Length <= 240 ? r.Problems[0] : r.Problems[0][..120] + " … " + r.Problems[0][^120..];
            sb.AppendLine(Inv, $"- the server logged {r.Problems.Count} warning/error line(s) during the load, e.g. `{first}`");
        }

        sb.AppendLine();
        sb.AppendLine(FanoutScenario.End);
        return sb.ToString();
    }
}
