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

    /// <summary>Transaction size of the raw grouped run; the server's writer commits at most this many (WriterOptions.MaxBatch).</summary>
    public int GroupSize { get; init; } = 500;

    /// <summary>Events in the in-memory rescoring run (ScoreReplay over the whole log, then writing its award lines).</summary>
    public int RescoreEvents { get; init; } = 1_000_000;

    /// <summary>Skip the rescoring run.</summary>
    public bool SkipRescore { get; init; }

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
        GamifyHub.Bench — engagement events per second through the batch API vs. raw SQLite appends.

          dotnet run -c Release --project bench/GamifyHub.Bench -- [options]

          --events N            events through the API and the raw grouped run (default 20000)
          --batch B             events per POST /api/events/batch request, 1..1000 (default 100)
          --concurrency C       concurrent HTTP clients (default 8)
          --single-tx-events M  events in the one-transaction-per-event raw run (default 5000, capped at N)
          --writer-events W     events in the in-process EngagementWriter run (default 10000, capped at N)
          --group G             events per transaction in the raw grouped run (default 500 = WriterOptions.MaxBatch)
          --rescore-events R    events in the rescoring run: replay under two rule sets + write the award lines (default 1000000)
          --skip-rescore        skip the rescoring run
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
        var o = new BenchOptions { RawArgs = args };
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
                "--group" => o with { GroupSize = Int(1, 100_000) },
                "--rescore-events" => o with { RescoreEvents = Int(1, 10_000_000) },
                "--skip-rescore" => o with { SkipRescore = true },
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
}
