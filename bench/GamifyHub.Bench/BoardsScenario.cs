using System.Diagnostics;
using System.Globalization;
using GamifyHub.Domain.Boards;
using StackExchange.Redis;

namespace GamifyHub.Bench;

public enum BoardOp
{
    Update,
    Rank,
    Top,
    Around,
}

/// <summary>One operation kind on one side at one size.</summary>
/// <param name="Micros">Latency percentiles in microseconds, of one operation or (pipelined) of one batch.</param>
/// <param name="ServerCpu">CPU the Redis server used meanwhile (INFO cpu), for the Redis sides.</param>
/// <param name="InsideCommands">Time Redis spent inside the sorted-set commands (INFO commandstats usec), without I/O and parsing.</param>
/// <param name="Commands">The sorted-set commands Redis executed, with their calls.</param>
public sealed record BoardMeasure(long Ops, int Batch, TimeSpan Elapsed, Percentiles Micros, TimeSpan ClientCpu, TimeSpan? ServerCpu,
    TimeSpan? InsideCommands = null, IReadOnlyDictionary<string, long>? Commands = null)
{
    public double? InsideMicrosPerOp => InsideCommands?.TotalMicroseconds / Ops;

    public double OpsPerSecond => Ops / Elapsed.TotalSeconds;

    public double ClientCpuMicrosPerOp => ClientCpu.TotalMicroseconds / Ops;

    public double? ServerCpuMicrosPerOp => ServerCpu?.TotalMicroseconds / Ops;
}

public sealed record BoardSizeResult(
    int Members,
    int Updates,
    IReadOnlyDictionary<BoardOp, BoardMeasure> Leaderboard,
    IReadOnlyDictionary<BoardOp, BoardMeasure>? Pipelined,
    IReadOnlyDictionary<BoardOp, BoardMeasure>? OneAtATime,
    long LeaderboardBytes,
    long? RedisBytes,
    string Check,
    TimeSpan Took);

/// <param name="SkipReason">Why the Redis side did not run, or null when it did.</param>
/// <param name="TimerNanos">What a clock read adds to each in-process latency sample (not to the rates).</param>
public sealed record BoardsOutcome(IReadOnlyList<BoardSizeResult> Sizes, string? RedisVersion, string? SkipReason, double TimerNanos,
    string LoadBefore, string LoadAfter);

/// <summary>
/// Boards (DESIGN.md §6): GamifyHub's <see cref="Leaderboard"/> in-process beside a Redis sorted set on loopback, under the
/// same seeded <see cref="BoardWorkload"/> per board size. Redis runs pipelined (batches) and one round trip at a time, and
/// INFO commandstats gives the time inside its commands, so network cost and data-structure cost can be told apart.
/// After each size, untimed, both sides are checked against the workload's own sums and against each other.
/// </summary>
public static class BoardsScenario
{
    public const int TopCount = 20;
    public const int Radius = 5;
    public const int CheckedTop = 100;
    public const int Seed = 20261201;
    private const string KeyPrefix = "gamifyhub-bench:board:";

    /// <summary>Written by every in-process operation so the JIT cannot drop a call whose result is unused.</summary>
    private static long _sink;

    public static async Task<BoardsOutcome> RunAsync(BenchOptions options)
    {
        var loadBefore = Machine.LoadAverage();
        Console.WriteLine($"Boards: Leaderboard in-process vs a Redis sorted set; {string.Join(" / ", options.BoardSizes.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))} members, " +
                          $"{options.BoardUpdates:N0} increments, {options.BoardReads:N0} reads of each kind");
        ConnectionMultiplexer? redis = null;
        string? skip = null;
        string? version = null;
        if (options.Redis is null)
        {
            skip = "no Redis given (bench/run.sh starts a private redis-server and passes it in GAMIFYHUB_BENCH_REDIS; or use --redis HOST:PORT)";
        }
        else
        {
            try
            {
                var config = ConfigurationOptions.Parse(options.Redis);
                config.AllowAdmin = true; // CONFIG RESETSTAT and MEMORY USAGE on the private instance
                config.AbortOnConnectFail = true;
                config.ConnectTimeout = 5_000;
                config.AsyncTimeout = 60_000; // a pipelined batch on a loaded 2-core machine can queue for a while
                config.SyncTimeout = 60_000;
                redis = await ConnectionMultiplexer.ConnectAsync(config);
                version = Info(await redis.GetDatabase().ExecuteAsync("INFO", "server"), "redis_version");
            }
            catch (RedisException ex)
            {
                skip = $"could not connect to Redis at {options.Redis}: {ex.Message.TrimEnd('.')}";
            }
        }

        if (skip is not null)
        {
            Console.WriteLine($"  SKIPPED the Redis side of the boards scenario: {skip}. The Leaderboard side still runs.");
        }
        else
        {
            Console.WriteLine($"  Redis {version} at {options.Redis}");
        }

        try
        {
            var db = redis?.GetDatabase();
            var timer = TimerNanos();

            // Warm-up (not recorded): JIT-compiles both sides and opens the connection's buffers.
            Console.WriteLine("  warm-up:   1,000 members, both sides …");
            await RunSizeAsync(options with { BoardUpdates = 20_000, BoardReads = 2_000, BoardRoundTrips = 500 }, 1_000, db, check: false);

            var sizes = new List<BoardSizeResult>();
            foreach (var n in options.BoardSizes)
            {
                sizes.Add(await RunSizeAsync(options, n, db, check: true));
            }

            return new BoardsOutcome(sizes, version, skip, timer, loadBefore, Machine.LoadAverage());
        }
        finally
        {
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }
        }
    }

    private static async Task<BoardSizeResult> RunSizeAsync(BenchOptions options, int n, IDatabase? db, bool check)
    {
        var clock = Stopwatch.StartNew();
        var w = BoardWorkload.Create(n, options.BoardUpdates, options.BoardReads, Seed + n);
        if (check)
        {
            Console.WriteLine($"  {n:N0} members: Leaderboard in-process …");
        }

        var (board, bytes, ours) = RunLeaderboard(w);
        Dictionary<BoardOp, BoardMeasure>? pipelined = null, single = null;
        long? redisBytes = null;
        RedisKey key = KeyPrefix + n.ToString(CultureInfo.InvariantCulture);
        if (db is not null)
        {
            if (check)
            {
                Console.WriteLine($"  {n:N0} members: Redis sorted set, pipelined ({options.BoardPipeline:N0} per batch) and {options.BoardRoundTrips:N0} round trips of each kind …");
            }

            (pipelined, single, redisBytes) = await RunRedisAsync(db, key, w, options);
        }

        var verdict = "";
        if (check)
        {
            verdict = await CheckAsync(board, w, db, key);
            Console.WriteLine($"    check: {verdict}");
        }

        if (db is not null)
        {
            await db.KeyDeleteAsync(key);
        }

        if (check)
        {
            Console.WriteLine($"    ({n:N0} members took {clock.Elapsed.TotalSeconds:0} s, checks included)");
        }

        return new BoardSizeResult(n, w.UpdateMember.Length, ours, pipelined, single, bytes, redisBytes, verdict, clock.Elapsed);
    }

    private static (Leaderboard Board, long Bytes, Dictionary<BoardOp, BoardMeasure> Measures) RunLeaderboard(BoardWorkload w)
    {
        // Everything else this size needs is allocated already, so the difference is the board: its dictionary and its nodes.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var board = new Leaderboard();
        for (var i = 0; i < w.Members.Length; i++)
        {
            board.Set(w.Members[i], w.Initial[i]);
        }

        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var members = w.Members;
        var measures = new Dictionary<BoardOp, BoardMeasure>
        {
            [BoardOp.Update] = Timed(w.UpdateMember.Length, i =>
            {
                board.Add(members[w.UpdateMember[i]], w.UpdateDelta[i]);
                return 1;
            }, repeatable: false),
            [BoardOp.Rank] = Timed(w.RankMember.Length, i => board.RowOf(members[w.RankMember[i]])!.Rank, repeatable: true),
            [BoardOp.Top] = Timed(w.RankMember.Length, _ => board.Top(TopCount).Count, repeatable: true),
            [BoardOp.Around] = Timed(w.AroundMember.Length, i => board.Around(members[w.AroundMember[i]], Radius).Count, repeatable: true),
        };
        return (board, bytes, measures);
    }

    /// <summary>
    /// Latency: each operation between two clock reads (all reads; the first tenth of the increments, which cannot be
    /// repeated without changing the scores). Rate and CPU: a separate loop with the clock read only at its ends (all
    /// reads again; the other nine tenths of the increments), so the clock's own cost does not lower the rate.
    /// </summary>
    private static BoardMeasure Timed(int count, Func<int, long> op, bool repeatable)
    {
        var sampled = repeatable ? count : count / 10;
        var ticks = new long[sampled];
        long sink = 0;
        for (var i = 0; i < sampled; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            sink += op(i);
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        var from = repeatable ? 0 : sampled;
        var cpu = CpuTime();
        var start = Stopwatch.GetTimestamp();
        for (var i = from; i < count; i++)
        {
            sink += op(i);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        cpu = CpuTime() - cpu;
        _sink += sink;
        return new BoardMeasure(count - from, 1, elapsed, Micros(ticks), cpu, null);
    }

    private static async Task<(Dictionary<BoardOp, BoardMeasure>, Dictionary<BoardOp, BoardMeasure>, long)> RunRedisAsync(
        IDatabase db, RedisKey key, BoardWorkload w, BenchOptions options)
    {
        // Members as their 16 bytes, the same as the Leaderboard holds; built once so no operation pays for encoding.
        var members = w.Members.Select(m => (RedisValue)m.ToByteArray()).ToArray();
        await db.KeyDeleteAsync(key);
        var loads = new List<Task>();
        for (var from = 0; from < members.Length; from += 1_000)
        {
            var chunk = Enumerable.Range(from, Math.Min(1_000, members.Length - from))
                .Select(i => new SortedSetEntry(members[i], w.Initial[i])).ToArray();
            loads.Add(db.SortedSetAddAsync(key, chunk));
        }

        await Task.WhenAll(loads);

        Task Update(int i) => db.SortedSetIncrementAsync(key, members[w.UpdateMember[i]], w.UpdateDelta[i]);

        // ZREVRANK and ZSCORE go out together: one round trip (Redis 7.0 has no ZREVRANK … WITHSCORE).
        Task Rank(int i) => Task.WhenAll(db.SortedSetRankAsync(key, members[w.RankMember[i]], Order.Descending),
            db.SortedSetScoreAsync(key, members[w.RankMember[i]]));

        Task Top(int i) => db.SortedSetRangeByRankWithScoresAsync(key, 0, TopCount - 1, Order.Descending);

        // The range depends on the rank, so around-me is two round trips in a row.
        async Task Around(int i)
        {
            var rank = await db.SortedSetRankAsync(key, members[w.AroundMember[i]], Order.Descending)
                       ?? throw new BenchFailure("A member is missing from the Redis sorted set.");
            await db.SortedSetRangeByRankWithScoresAsync(key, Math.Max(0, rank - Radius), rank + Radius, Order.Descending);
        }

        // Increments commute, so the first T go one at a time and the rest pipelined: the final scores are the same.
        var updates = w.UpdateMember.Length;
        var singles = Math.Min(options.BoardRoundTrips, updates);
        var reads = Math.Min(options.BoardRoundTrips, w.RankMember.Length);
        var pipe = options.BoardPipeline;
        var single = new Dictionary<BoardOp, BoardMeasure>();
        var pipelined = new Dictionary<BoardOp, BoardMeasure>();
        single[BoardOp.Update] = await BatchedAsync(db, singles, 1, Update, commandsPerOp: 1);
        if (updates > singles)
        {
            pipelined[BoardOp.Update] = await BatchedAsync(db, updates - singles, pipe, i => Update(singles + i), commandsPerOp: 1);
        }

        var bytes = (long)await db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
        pipelined[BoardOp.Rank] = await BatchedAsync(db, w.RankMember.Length, pipe, Rank, commandsPerOp: 2);
        single[BoardOp.Rank] = await BatchedAsync(db, reads, 1, Rank, commandsPerOp: 2);
        pipelined[BoardOp.Top] = await BatchedAsync(db, w.RankMember.Length, pipe, Top, commandsPerOp: 1);
        single[BoardOp.Top] = await BatchedAsync(db, reads, 1, Top, commandsPerOp: 1);
        pipelined[BoardOp.Around] = await BatchedAsync(db, w.AroundMember.Length, pipe, Around, commandsPerOp: 2);
        single[BoardOp.Around] = await BatchedAsync(db, reads, 1, Around, commandsPerOp: 2);
        return (pipelined, single, bytes);
    }

    /// <summary>
    /// <paramref name="count"/> operations in batches of <paramref name="batch"/>: a batch's operations are all sent
    /// before any answer is awaited (StackExchange.Redis pipelines them on its one connection); a batch of 1 is one
    /// round trip at a time. One latency sample is one batch. Redis's command statistics are reset before and read after,
    /// and must show <paramref name="commandsPerOp"/> sorted-set commands per operation.
    /// </summary>
    private static async Task<BoardMeasure> BatchedAsync(IDatabase db, int count, int batch, Func<int, Task> op, int commandsPerOp)
    {
        var batches = (count + batch - 1) / batch;
        var ticks = new long[batches];
        var tasks = new Task[batch];
        await db.ExecuteAsync("CONFIG", "RESETSTAT");
        var server = await ServerCpuAsync(db);
        var cpu = CpuTime();
        var start = Stopwatch.GetTimestamp();
        for (var b = 0; b < batches; b++)
        {
            var from = b * batch;
            var size = Math.Min(batch, count - from);
            var t0 = Stopwatch.GetTimestamp();
            if (size == 1)
            {
                await op(from);
            }
            else
            {
                for (var j = 0; j < size; j++)
                {
                    tasks[j] = op(from + j);
                }

                await Task.WhenAll(size == batch ? tasks : tasks[..size]);
            }

            ticks[b] = Stopwatch.GetTimestamp() - t0;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        cpu = CpuTime() - cpu;
        server = await ServerCpuAsync(db) - server;
        var (calls, inside) = await SortedSetStatsAsync(db);
        if (calls.Values.Sum() != (long)count * commandsPerOp)
        {
            throw new BenchFailure($"Redis executed {string.Join(", ", calls.Select(c => $"{c.Value:N0} {c.Key}"))} for {count:N0} operations " +
                                   $"of {commandsPerOp} command(s) each.");
        }

        return new BoardMeasure(count, batch, elapsed, Micros(ticks), cpu, server, inside, calls);
    }

    /// <summary>Calls of each sorted-set command since the last CONFIG RESETSTAT, and the time spent inside them.</summary>
    private static async Task<(Dictionary<string, long> Calls, TimeSpan Inside)> SortedSetStatsAsync(IDatabase db)
    {
        var calls = new Dictionary<string, long>();
        long usec = 0;
        foreach (var line in ((string?)await db.ExecuteAsync("INFO", "commandstats") ?? "").Split('\n', StringSplitOptions.TrimEntries))
        {
            // cmdstat_zincrby:calls=1000000,usec=812345,usec_per_call=0.81,rejected_calls=0,failed_calls=0
            if (!line.StartsWith("cmdstat_z", StringComparison.Ordinal) || line.IndexOf(':') is not (var colon and > 0))
            {
                continue;
            }

            var fields = line[(colon + 1)..].Split(',').Select(f => f.Split('=')).Where(f => f.Length == 2)
                .ToDictionary(f => f[0], f => f[1]);
            calls[line["cmdstat_".Length..colon]] = long.Parse(fields["calls"], CultureInfo.InvariantCulture);
            usec += long.Parse(fields["usec"], CultureInfo.InvariantCulture);
        }

        return (calls, TimeSpan.FromMicroseconds(usec));
    }

    /// <summary>
    /// Untimed. The Leaderboard against the workload's own sums (every score, every competition rank, the top rows), then
    /// Redis against the same: every score, every ZREVRANK inside its member's tie group, the top 100 by score.
    /// </summary>
    private static async Task<string> CheckAsync(Leaderboard board, BoardWorkload w, IDatabase? db, RedisKey key)
    {
        var n = w.Members.Length;
        var descending = w.Expected.Order().Reverse().ToArray();
        var ties = new Dictionary<long, int>();
        foreach (var s in w.Expected)
        {
            ties[s] = ties.GetValueOrDefault(s) + 1;
        }

        // Competition rank = 1 + members with a strictly higher score = 1 + the first index of that score in descending order.
        int RankOf(long score)
        {
            int lo = 0, hi = n;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (descending[mid] > score)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo + 1;
        }

        if (board.Count != n)
        {
            throw new BenchFailure($"The Leaderboard has {board.Count:N0} members, not {n:N0}.");
        }

        for (var i = 0; i < n; i++)
        {
            var row = board.RowOf(w.Members[i]) ?? throw new BenchFailure($"Member {w.Members[i]} is missing from the Leaderboard.");
            if (row.Score != w.Expected[i] || row.Rank != RankOf(w.Expected[i]))
            {
                throw new BenchFailure($"Leaderboard: member {w.Members[i]} has score {row.Score} and rank {row.Rank}; the workload sums to " +
                                       $"{w.Expected[i]}, rank {RankOf(w.Expected[i])}.");
            }
        }

        var ourTop = board.Top(CheckedTop);
        if (!ourTop.Select(r => r.Score).SequenceEqual(descending.Take(CheckedTop)))
        {
            throw new BenchFailure("Leaderboard: the top rows' scores differ from the workload's.");
        }

        var distinct = ties.Count;
        var ours = $"Leaderboard: all {n:N0} scores and competition ranks equal the workload's own sums ({distinct:N0} distinct scores, " +
                   $"largest tie {ties.Values.Max():N0} members)";
        if (db is null)
        {
            return ours + "; Redis not checked (skipped)";
        }

        var length = await db.SortedSetLengthAsync(key);
        if (length != n)
        {
            throw new BenchFailure($"Redis: the sorted set has {length:N0} members, not {n:N0}.");
        }

        var members = w.Members.Select(m => (RedisValue)m.ToByteArray()).ToArray();
        var sameRank = 0;
        for (var from = 0; from < n; from += 10_000)
        {
            var count = Math.Min(10_000, n - from);
            var scores = new Task<double?>[count];
            var ranks = new Task<long?>[count];
            for (var j = 0; j < count; j++)
            {
                scores[j] = db.SortedSetScoreAsync(key, members[from + j]);
                ranks[j] = db.SortedSetRankAsync(key, members[from + j], Order.Descending);
            }

            await Task.WhenAll(scores);
            await Task.WhenAll(ranks);
            for (var j = 0; j < count; j++)
            {
                var i = from + j;
                if (scores[j].Result is not { } score || score != w.Expected[i])
                {
                    throw new BenchFailure($"Redis: member {w.Members[i]} has score {scores[j].Result}; the workload sums to {w.Expected[i]}.");
                }

                // Redis ranks by position (0-based, ties ordered by member bytes), so it must fall inside the member's tie group.
                var first = RankOf(w.Expected[i]) - 1;
                if (ranks[j].Result is not { } position || position < first || position >= first + ties[w.Expected[i]])
                {
                    throw new BenchFailure($"Redis: member {w.Members[i]} has ZREVRANK {ranks[j].Result}, outside positions " +
                                           $"{first}..{first + ties[w.Expected[i]] - 1} of its score {w.Expected[i]}.");
                }

                sameRank += position == first ? 1 : 0;
            }
        }

        var theirTop = await db.SortedSetRangeByRankWithScoresAsync(key, 0, CheckedTop - 1, Order.Descending);
        if (!theirTop.Select(e => (long)e.Score).SequenceEqual(ourTop.Select(r => r.Score)))
        {
            throw new BenchFailure("Redis and the Leaderboard disagree on the top rows' scores.");
        }

        // Above the last row's score both lists must hold the same members; only the order inside a tie may differ.
        var cut = ourTop[^1].Score;
        var oursAbove = ourTop.Where(r => r.Score > cut).Select(r => r.MemberId).ToHashSet();
        var theirsAbove = theirTop.Where(e => (long)e.Score > cut).Select(e => new Guid((byte[])e.Element!)).ToHashSet();
        if (!oursAbove.SetEquals(theirsAbove))
        {
            throw new BenchFailure("Redis and the Leaderboard list different members above the top rows' lowest score.");
        }

        var differ = ourTop.Zip(theirTop).Count(p => p.First.MemberId != new Guid((byte[])p.Second.Element!));
        return ours + $"; Redis: all {n:N0} scores equal, every ZREVRANK inside its member's tie group (ZREVRANK + 1 is the competition " +
               $"rank for {sameRank:N0} members, {(double)sameRank / n:P0}: the others have a tied member that Redis lists first), the top {ourTop.Count} rows equal by " +
               $"score and by member above the last row's score ({differ} of {ourTop.Count} positions hold another member of the same tie)";
    }

    private static Percentiles Micros(long[] ticks)
    {
        var micros = new double[ticks.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            micros[i] = ticks[i] * 1_000_000.0 / Stopwatch.Frequency;
        }

        Array.Sort(micros);
        double Rank(double p) => micros[Math.Clamp((int)Math.Ceiling(p * micros.Length) - 1, 0, micros.Length - 1)];
        return micros.Length == 0
            ? new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, 0)
            : new Percentiles(Rank(0.50), Rank(0.95), Rank(0.99), micros[^1], micros.Length);
    }

    /// <summary>What one clock read adds to an in-process latency sample: the median gap between two back-to-back reads.</summary>
    private static double TimerNanos()
    {
        var gaps = new long[100_000];
        for (var i = 0; i < gaps.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            gaps[i] = Stopwatch.GetTimestamp() - t0;
        }

        Array.Sort(gaps);
        return gaps[gaps.Length / 2] * 1e9 / Stopwatch.Frequency;
    }

    /// <summary>This process's CPU time, all threads (the Redis client's I/O and the GC's included).</summary>
    private static TimeSpan CpuTime() => Environment.CpuUsage.TotalTime;

    private static async Task<TimeSpan> ServerCpuAsync(IDatabase db)
    {
        var info = await db.ExecuteAsync("INFO", "cpu");
        double Seconds(string field) => double.Parse(Info(info, field) ?? "0", CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(Seconds("used_cpu_user") + Seconds("used_cpu_sys"));
    }

    private static string? Info(RedisResult info, string field)
    {
        var text = (string?)info ?? "";
        var line = text.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line?[(field.Length + 1)..];
    }
}
