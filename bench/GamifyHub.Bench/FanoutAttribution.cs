using System.Globalization;

namespace GamifyHub.Bench;

/// <summary>
/// Which commits each push of the fan-out scenario reflected, and so how long after its commit each event reached each client:
/// the pushes the clients recorded against the load's award lines read from the server's database after the run.
/// </summary>
public static class FanoutAttribution
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The load's committed events, from the server's file after the run.</summary>
    /// <param name="ByEmployee">Per employee, in commit order (Seq): the points that event gave them and the commit's stamp.</param>
    /// <param name="ByDepartment">The same per department of the employee credited.</param>
    public sealed record Commits(long Events, Dictionary<Guid, List<(long Points, long CommitTicks)>> ByEmployee,
        Dictionary<Guid, List<(long Points, long CommitTicks)>> ByDepartment)
    {
        public static Commits Read(string path, long seqBefore)
        {
            var events = BenchDatabase.After(path, seqBefore).Events;
            var departments = BenchDatabase.Employees(path).ToDictionary(e => e.Id, e => e.DepartmentId);
            var byEmployee = new Dictionary<Guid, List<(long, long)>>();
            var byDepartment = new Dictionary<Guid, List<(long, long)>>();
            using var connection = BenchDatabase.OpenReadOnly(path);
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "a"."EmployeeId", SUM("a"."Points"), "e"."RecordedAt"
                FROM "Awards" AS "a" JOIN "Events" AS "e" ON "e"."Seq" = "a"."EventSeq"
                WHERE "a"."EventSeq" > $seq
                GROUP BY "a"."EventSeq", "a"."EmployeeId"
                ORDER BY "a"."EventSeq";
                """;
            command.Parameters.AddWithValue("$seq", seqBefore);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var employee = Guid.Parse(reader.GetString(0));
                var points = reader.GetInt64(1);
                if (points == 0)
                {
                    continue; // changes no board: no push can reflect it
                }

                var at = DateTime.Parse(reader.GetString(2), Inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
                Add(byEmployee, employee, (points, at));
                if (departments.TryGetValue(employee, out var department))
                {
                    Add(byDepartment, department, (points, at));
                }
            }

            return new Commits(events, byEmployee, byDepartment);
        }

        private static void Add(Dictionary<Guid, List<(long, long)>> into, Guid key, (long, long) value)
        {
            if (!into.TryGetValue(key, out var list))
            {
                into[key] = list = [];
            }

            list.Add(value);
        }
    }

    public sealed record Attribution(LatencyHistogram All, IReadOnlyDictionary<string, LatencyHistogram> ByKind,
        IReadOnlyList<FanoutScenario.SliceFigures> BySlice, long Matched, long Unmatched,
        long Unknown, long Unreflected, long Hidden);

    /// <summary>
    /// When a push reflected each commit. A row's score minus the member's score in the snapshot before the load is the points the
    /// member gained since; the events whose running sum (in commit order) that covers are reflected by this push at the latest.
    /// Each event is counted once per client, at the first push on that client that reflects it: latency = that push's arrival
    /// (client clock) − the event's commit stamp (<c>RecordedAt</c>, the writer's clock when it began the group commit; same
    /// machine, same clock). A row whose gain is not exactly such a running sum counts as unmatched (it still attributes).
    /// Individual boards show only their top ranks: an event of a member who was below them when it committed is shown only when
    /// the member comes back, which says nothing about the push path, so it is left out (counted as hidden). A member shown in a
    /// push but missing from the one before was hidden then (everyone gains points in every tick of this workload).
    /// </summary>
    public static Attribution Attribute(IReadOnlyList<FanoutWatcher> watchers, IReadOnlyDictionary<Guid, Guid> subject,
        IReadOnlyDictionary<(string Window, Guid Employee), long> ownScores, Commits commits, long loadStartTicks, TimeSpan slice)
    {
        // The snapshots of one board and window agree on everyone but the reader, who sees their own row; merge them.
        var baselines = new Dictionary<(string, string), Dictionary<Guid, long>>();
        foreach (var w in watchers)
        {
            if (!baselines.TryGetValue((w.Board, w.Window), out var scores))
            {
                baselines[(w.Board, w.Window)] = scores = [];
            }

            foreach (var row in w.Snapshot)
            {
                scores[subject.GetValueOrDefault(row.MemberId, row.MemberId)] = row.Score;
            }
        }

        var all = new LatencyHistogram();
        var byKind = new Dictionary<string, LatencyHistogram>();
        var bySlice = new SortedDictionary<int, LatencyHistogram>();
        long matched = 0, unmatched = 0, unknown = 0, unreflected = 0, hidden = 0;
        foreach (var w in watchers)
        {
            var isDepartments = w.Board == "departments";
            var baseline = baselines[(w.Board, w.Window)];
            var source = isDepartments ? commits.ByDepartment : commits.ByEmployee;
            var next = new Dictionary<Guid, (int Index, long Sum)>();
            if (!byKind.TryGetValue(FanoutScenario.KindOf(w.Board), out var kind))
            {
                byKind[FanoutScenario.KindOf(w.Board)] = kind = new LatencyHistogram();
            }

            var pushes = w.Pushes;
            // Per member: the index of the last push that showed them, and when the last push without them arrived.
            var shown = new Dictionary<Guid, (int Last, long AbsentTicks)>();
            for (var j = 0; j < pushes.Count; j++)
            {
                var push = pushes[j];
                foreach (var row in push.Rows)
                {
                    var member = subject.GetValueOrDefault(row.MemberId, row.MemberId);
                    // Every member gains points in every tick (the workload spreads events over everyone), so a push without a
                    // member means they were below the visible ranks: their events committed before it could not be shown.
                    var (last, absent) = shown.GetValueOrDefault(member, (-1, 0L));
                    if (j - 1 > last)
                    {
                        absent = pushes[j - 1].ReceivedUtcTicks;
                    }

                    shown[member] = (j, absent);
                    if (!baseline.TryGetValue(member, out var before) && (isDepartments || !ownScores.TryGetValue((w.Window, member), out before)))
                    {
                        unknown++;
                        continue;
                    }

                    var gain = row.Score - before;
                    var list = source.GetValueOrDefault(member) ?? [];
                    var (i, sum) = next.GetValueOrDefault(member);
                    while (i < list.Count && sum + list[i].Points <= gain)
                    {
                        sum += list[i].Points;
                        if (list[i].CommitTicks < absent)
                        {
                            hidden++;
                            i++;
                            continue;
                        }

                        var ms = (push.ReceivedUtcTicks - list[i].CommitTicks) / (double)TimeSpan.TicksPerMillisecond;
                        all.Add(ms);
                        kind.Add(ms);
                        var at = (int)((list[i].CommitTicks - loadStartTicks) / slice.Ticks);
                        if (!bySlice.TryGetValue(at, out var during))
                        {
                            bySlice[at] = during = new LatencyHistogram();
                        }

                        during.Add(ms);
                        i++;
                    }

                    next[member] = (i, sum);
                    if (sum == gain)
                    {
                        matched++;
                    }
                    else
                    {
                        unmatched++;
                    }
                }
            }

            unreflected += next.Sum(m => source.GetValueOrDefault(m.Key)?.Count - m.Value.Index ?? 0);
        }

        return new Attribution(all, byKind, [.. bySlice.Select(b => new FanoutScenario.SliceFigures(b.Key * slice, b.Value.Percentiles()))], matched, unmatched,
            unknown, unreflected, hidden);
    }

    /// <summary>Latencies in 1 ms buckets up to 120 s: millions of (client, event) samples without a list.</summary>
    public sealed class LatencyHistogram
    {
        private const int MaxMs = 120_000;
        private readonly long[] _counts = new long[MaxMs + 1];

        public long Overflow { get; private set; }

        /// <summary>Samples before their commit stamp: only a wrong attribution could make one.</summary>
        public long Negative { get; private set; }

        public void Add(double ms)
        {
            if (ms < 0)
            {
                Negative++;
            }
            else if (ms > MaxMs)
            {
                Overflow++;
            }
            else
            {
                _counts[(int)Math.Ceiling(ms)]++;
            }
        }

        /// <summary>Nearest rank, in whole milliseconds (rounded up); samples past the top count as the top.</summary>
        public Percentiles Percentiles()
        {
            var total = _counts.Sum() + Overflow;
            if (total == 0)
            {
                return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, 0);
            }

            double Rank(double p)
            {
                var rank = (long)Math.Ceiling(p * total);
                long seen = 0;
                for (var ms = 0; ms < _counts.Length; ms++)
                {
                    seen += _counts[ms];
                    if (seen >= rank)
                    {
                        return ms;
                    }
                }

                return MaxMs;
            }

            var max = Overflow > 0 ? MaxMs : Array.FindLastIndex(_counts, n => n > 0);
            return new Percentiles(Rank(0.50), Rank(0.95), Rank(0.99), max, (int)Math.Min(total, int.MaxValue));
        }
    }
}
