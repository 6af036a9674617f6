using System.Globalization;

namespace GamifyHub.Bench;

/// <summary>Command-line settings. Defaults finish in about a minute or two on a 2-core machine.</summary>
public sealed record BenchOptions
{
    public const int ServerBatchMax = 1_000;

    /// <summary>Events sent through the API (and appended raw, and through the in-process writer).</summary>
    public int Events { get; init; } = 20_000;

    /// <summary>Events per POST /api/events/batch request.</summary>
    public int Batch { get; init; } = 100;

    /// <summary>Concurrent HTTP clients, each with at most one request in flight.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Events in the one-transaction-per-event contrast run (each commit is an fsync, so keep it small).</summary>
    public int SingleTxEvents { get; init; } = 5_000;

    /// <summary>Events in the in-process EngagementWriter run (EF Core costs most of a millisecond of CPU per event here, so keep it moderate).</summary>
    public int WriterEvents { get; init; } = 10_000;

    /// <summary>The in-process writer's WriterOptions.MaxBatch (null: the server's default).</summary>
    public int? WriterMaxBatch { get; init; }

    /// <summary>Transaction size of the raw grouped run, the baseline of the RESULT ratio (the writer's own limit is WriterOptions.MaxBatch).</summary>
    public int GroupSize { get; init; } = 500;

    /// <summary>Events in the rescoring run (a stored log with its award lines; a rule change applied through Rescoring.ApplyAsync).</summary>
    public int RescoreEvents { get; init; } = 1_000_000;

    /// <summary>Skip the rescoring run.</summary>
    public bool SkipRescore { get; init; }

    /// <summary>Events in the analytics scenario's log (issue 13, item 9: 1,000,000).</summary>
    public int AnalyticsEvents { get; init; } = 1_000_000;

    /// <summary>Start-up loads of the analytics ledger timed in-process (best and median are reported).</summary>
    public int AnalyticsLoadRuns { get; init; } = 3;

    /// <summary>Timed analytics requests per route.</summary>
    public int AnalyticsRequests { get; init; } = 400;

    /// <summary>Events through the intake path per server start when its CPU is measured with the projection on and off.</summary>
    public int AnalyticsIntakeEvents { get; init; } = 20_000;

    /// <summary>Events per second arriving through the batch API while analytics requests are timed "during intake" (a steady
    /// stream; the flat-out stream is timed as well).</summary>
    public int AnalyticsIntakeRate { get; init; } = 250;

    /// <summary>Server starts with the projection on, then off, repeated this many times.</summary>
    public int AnalyticsPairs { get; init; } = 1;

    /// <summary>Skip the analytics scenario in a full run.</summary>
    public bool SkipAnalytics { get; init; }

    /// <summary>SignalR clients watching boards in the fan-out scenario (issue 14, item 6: 1,000).</summary>
    public int FanoutClients { get; init; } = 1_000;

    /// <summary>Events per second offered through the batch API while the clients watch (issue 14, item 6: 2,000).</summary>
    public int FanoutRate { get; init; } = 2_000;

    /// <summary>How long the fan-out load runs (issue 14, item 6: 60 s).</summary>
    public int FanoutSeconds { get; init; } = 60;

    /// <summary>Every employee mutes the "award" notification type before the fan-out load (a diagnostic: their awards then skip the
    /// notification centre's store-then-push path).</summary>
    public bool FanoutMuteAwards { get; init; }

    /// <summary>Skip the fan-out scenario in a full run.</summary>
    public bool SkipFanout { get; init; }

    /// <summary>Run only this part: "events" (API, raw SQLite, writer, rescoring), "boards", "analytics" or "fanout"; null runs all.</summary>
    public string? Only { get; init; }

    /// <summary>Board sizes (members) of the boards scenario.</summary>
    public IReadOnlyList<int> BoardSizes { get; init; } = [1_000, 10_000, 100_000];

    /// <summary>Score increments per board size, the same sequence on both sides.</summary>
    public int BoardUpdates { get; init; } = 1_000_000;

    /// <summary>Reads of each kind (rank, top-20, around ±5) per board size, in-process and pipelined.</summary>
    public int BoardReads { get; init; } = 100_000;

    /// <summary>Operations of each kind sent to Redis one round trip at a time (at ~0.1 ms each, keep it small).</summary>
    public int BoardRoundTrips { get; init; } = 20_000;

    /// <summary>Operations per pipelined Redis batch.</summary>
    public int BoardPipeline { get; init; } = 1_000;

    /// <summary>A Redis on loopback (host:port) for the boards scenario's other side; bench/run.sh starts a private one.</summary>
    public string? Redis { get; init; }

    /// <summary>The Redis address came from bench/run.sh (<see cref="RedisVariable"/>), not from the arguments.</summary>
    public bool RedisFromRunScript { get; init; }

    public const string RedisVariable = "GAMIFYHUB_BENCH_REDIS";

    public bool RunEvents => Only is null or "events";

    public bool RunBoards => Only is null or "boards";

    public bool RunAnalytics => (Only is null && !SkipAnalytics) || Only == "analytics";

    public bool RunFanout => (Only is null && !SkipFanout) || Only == "fanout";

    /// <summary>Run only the rescoring scenario (no server, nothing written to the docs): for working on rescoring.</summary>
    public bool RescoreOnly { get; init; }

    /// <summary>Run only the activation scenario: board and department loads on the rescoring log, from the whole log and from a
    /// snapshot plus a tail (no server, prints only).</summary>
    public bool ActivationOnly { get; init; }

    /// <summary>Events after the snapshot in the activation scenario.</summary>
    public int ActivationTail { get; init; } = 10_000;

    /// <summary>Run only the inbox paging scenario (ms per page at <see cref="InboxItems"/> items) and write its section.</summary>
    public bool InboxOnly { get; init; }

    /// <summary>Skip the inbox paging scenario in a full run.</summary>
    public bool SkipInbox { get; init; }

    /// <summary>Feedback items written into the inbox scenario's database.</summary>
    public int InboxItems { get; init; } = 100_000;

    /// <summary>Timed requests per row of the inbox scenario.</summary>
    public int InboxSamples { get; init; } = 200;

    /// <summary>Rows in the large import files (CSV and JSON lines) of the import scenario.</summary>
    public int ImportRows { get; init; } = 1_000_000;

    /// <summary>Rows in the small CSV file the large one is compared with (peak memory should not grow with the file).</summary>
    public int ImportSmallRows { get; init; } = 100_000;

    /// <summary>Run only the import scenario (and write only its section of docs/benchmarks.md).</summary>
    public bool ImportOnly { get; init; }

    /// <summary>The server's entry assembly; default: src/GamifyHub.Server/bin/Release/net10.0/GamifyHub.Server.dll.</summary>
    public string? ServerDll { get; init; }

    /// <summary>Build the server (Release, no web client) when its dll is missing.</summary>
    public bool BuildServerIfMissing { get; init; } = true;

    /// <summary>Where the benchmark's SQLite files go; default: a fresh directory under the system temp directory.</summary>
    public string? WorkDir { get; init; }

    /// <summary>Keep the SQLite files after the run (for inspection).</summary>
    public bool Keep { get; init; }

    /// <summary>Write the figures into docs/benchmarks.md.</summary>
    public bool WriteDocs { get; init; } = true;

    /// <summary>The arguments as given, for the "exact command" line in the report.</summary>
    public IReadOnlyList<string> RawArgs { get; init; } = [];

    public static string Usage => """
        GamifyHub.Bench — engagement events per second through the batch API vs. raw SQLite appends,
        and the board data structure (Leaderboard) vs. a Redis sorted set.

          dotnet run -c Release --project bench/GamifyHub.Bench -- [options]

          --events N            events through the API and the raw grouped run (default 20000)
          --batch B             events per POST /api/events/batch request, 1..1000 (default 100)
          --concurrency C       concurrent HTTP clients (default 8)
          --single-tx-events M  events in the one-transaction-per-event raw run (default 5000, capped at N)
          --writer-events W     events in the in-process EngagementWriter run (default 10000, capped at N)
          --writer-max-batch M  the in-process writer's most writes per group commit (default: WriterOptions.MaxBatch)
          --group G             events per transaction in the raw grouped run (default 500; the RESULT line's raw rate)
          --rescore-events R    events in the rescoring run: a stored log, a rule change applied to it (default 1000000)
          --skip-rescore        skip the rescoring run
          --only events|boards|analytics|fanout
                                run only the engagement-event scenarios, the boards, the analytics or the live fan-out
                                scenario (default all)
          --analytics-events N  events in the analytics scenario's log (default 1000000)
          --analytics-load-runs R  start-up loads of the analytics ledger timed in-process (default 3)
          --analytics-requests Q   timed analytics requests per route (default 400)
          --analytics-intake-events E  events per server start for the intake CPU with the projection on/off (default 20000)
          --analytics-intake-rate R  events/s arriving while requests are timed "during intake" (default 250; the
                                flat-out stream is timed as well)
          --analytics-pairs P   server starts with the projection on, then off, this many times (default 1)
          --skip-analytics      skip the analytics scenario in a full run
          --fanout-clients N    SignalR clients watching boards in the fan-out scenario (default 1000)
          --fanout-rate R       events/s offered through the batch API while they watch (default 2000)
          --fanout-seconds S    how long that load runs (default 60; e.g. --fanout-clients 100 --fanout-seconds 15
                                for a smoke test)
          --fanout-mute-awards  every employee mutes "award" notifications first (a diagnostic: awards then skip the
                                notification centre's store-then-push path)
          --skip-fanout         skip the fan-out scenario in a full run
          --board-sizes LIST    members per board, comma-separated (default 1000,10000,100000)
          --board-updates U     score increments per board size (default 1000000)
          --board-reads R       reads of each kind per board size, in-process and pipelined (default 100000)
          --board-round-trips T operations of each kind sent to Redis one round trip at a time (default 20000)
          --board-pipeline P    operations per pipelined Redis batch (default 1000)
          --redis HOST:PORT     Redis on loopback for the boards scenario (default: $GAMIFYHUB_BENCH_REDIS, which
                                bench/run.sh sets after starting a private redis-server); without one the Redis side is skipped
          --rescore-only        run only the rescoring scenario; prints, never writes the docs (with --work-dir, the
                                seeded file is kept there and reused by the next run)
          --activation-only     run only the activation scenario: the employees and departments boards (window all) and the
                                busiest department's totals loaded from the rescoring log (--rescore-events), from the whole
                                log and from a snapshot plus --activation-tail events (default 10000); prints only
          --activation-tail N   events after the snapshot in the activation scenario (default 10000)
          --inbox-only          run only the inbox paging scenario (ms per page at 100,000 items) and write its section
          --skip-inbox          skip the inbox paging scenario
          --inbox-items N       items seeded for the inbox scenario (default 100000)
          --inbox-samples S     timed requests per inbox row (default 200)
          --import-only         run only the import scenario: generated CSV (small and large) and JSON-lines files through the
                                server's `import` command, rows/s and peak working set (its own section of the docs)
          --import-rows N       rows in the large import files (default 1000000)
          --import-small-rows N rows in the small CSV file it is compared with (default 100000)
          --server-dll PATH     the server to start (default src/GamifyHub.Server/bin/Release/net10.0/GamifyHub.Server.dll)
          --no-build            fail instead of building the server when its dll is missing
          --work-dir DIR        where the SQLite files go (default: a new temp directory, deleted afterwards)
          --keep                keep the SQLite files
          --no-docs             do not touch docs/benchmarks.md
        """;

    public static BenchOptions Parse(string[] args)
    {
        // bench/run.sh starts a private redis-server and passes its address here, so the arguments stay the caller's own.
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        var o = new BenchOptions
        {
            RawArgs = args,
            Redis = string.IsNullOrEmpty(redis) ? null : Loopback(RedisVariable, redis),
            RedisFromRunScript = !string.IsNullOrEmpty(redis),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int(int min, int max)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                    ? v
                    : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
            }

            o = args[i] switch
            {
                "--events" => o with { Events = Int(1, 10_000_000) },
                "--batch" => o with { Batch = Int(1, ServerBatchMax) },
                "--concurrency" => o with { Concurrency = Int(1, 256) },
                "--single-tx-events" => o with { SingleTxEvents = Int(1, 1_000_000) },
                "--writer-events" => o with { WriterEvents = Int(1, 10_000_000) },
                "--writer-max-batch" => o with { WriterMaxBatch = Int(1, 100_000) },
                "--group" => o with { GroupSize = Int(1, 100_000) },
                "--rescore-events" => o with { RescoreEvents = Int(1, 10_000_000) },
                "--skip-rescore" => o with { SkipRescore = true },
                "--only" => o with { Only = OneOf(args[i], Value(), "events", "boards", "analytics", "fanout") },
                "--analytics-events" => o with { AnalyticsEvents = Int(1_000, 20_000_000) },
                "--analytics-load-runs" => o with { AnalyticsLoadRuns = Int(1, 20) },
                "--analytics-requests" => o with { AnalyticsRequests = Int(10, 1_000_000) },
                "--analytics-intake-events" => o with { AnalyticsIntakeEvents = Int(100, 10_000_000) },
                "--analytics-intake-rate" => o with { AnalyticsIntakeRate = Int(1, 1_000_000) },
                "--analytics-pairs" => o with { AnalyticsPairs = Int(1, 10) },
                "--skip-analytics" => o with { SkipAnalytics = true },
                "--fanout-clients" => o with { FanoutClients = Int(1, 20_000) },
                "--fanout-rate" => o with { FanoutRate = Int(1, 1_000_000) },
                "--fanout-seconds" => o with { FanoutSeconds = Int(1, 3_600) },
                "--fanout-mute-awards" => o with { FanoutMuteAwards = true },
                "--skip-fanout" => o with { SkipFanout = true },
                "--board-sizes" => o with { BoardSizes = Sizes(args[i], Value()) },
                "--board-updates" => o with { BoardUpdates = Int(1, 100_000_000) },
                "--board-reads" => o with { BoardReads = Int(1, 100_000_000) },
                "--board-round-trips" => o with { BoardRoundTrips = Int(1, 10_000_000) },
                "--board-pipeline" => o with { BoardPipeline = Int(1, 100_000) },
                "--redis" => o with { Redis = Loopback(args[i], Value()), RedisFromRunScript = false },
                "--rescore-only" => o with { RescoreOnly = true },
                "--activation-only" => o with { ActivationOnly = true },
                "--activation-tail" => o with { ActivationTail = Int(1, 10_000_000) },
                "--inbox-only" => o with { InboxOnly = true },
                "--skip-inbox" => o with { SkipInbox = true },
                "--inbox-items" => o with { InboxItems = Int(100, 5_000_000) },
                "--inbox-samples" => o with { InboxSamples = Int(1, 100_000) },
                "--import-only" => o with { ImportOnly = true },
                "--import-rows" => o with { ImportRows = Int(1_000, 10_000_000) },
                "--import-small-rows" => o with { ImportSmallRows = Int(1_000, 10_000_000) },
                "--server-dll" => o with { ServerDll = Value() },
                "--no-build" => o with { BuildServerIfMissing = false },
                "--work-dir" => o with { WorkDir = Value() },
                "--keep" => o with { Keep = true },
                "--no-docs" => o with { WriteDocs = false },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return o;
    }

    private static string OneOf(string name, string text, params string[] allowed) =>
        allowed.Contains(text) ? text : throw new ArgumentException($"{name} must be one of {string.Join(", ", allowed)}, not '{text}'.");

    private static int[] Sizes(string name, string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var k = 0; k < parts.Length; k++)
        {
            if (!int.TryParse(parts[k], NumberStyles.Integer, CultureInfo.InvariantCulture, out sizes[k]) || sizes[k] < 1 || sizes[k] > 10_000_000)
            {
                throw new ArgumentException($"{name} must list whole numbers from 1 to 10000000, not '{text}'.");
            }
        }

        return sizes.Length > 0 ? sizes : throw new ArgumentException($"{name} needs at least one size.");
    }

    /// <summary>The benchmark talks to nothing but this machine.</summary>
    private static string Loopback(string name, string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon].Trim('[', ']') : "";
        var loopback = host == "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
        return loopback && int.TryParse(text[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? text
            : throw new ArgumentException($"{name} must be a loopback HOST:PORT such as 127.0.0.1:6379, not '{text}'.");
    }
}
