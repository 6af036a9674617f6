using System.Globalization;
using System.Runtime.CompilerServices;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Analytics.Study;
using GamifyHub.Domain.Challenges;
using GamifyHub.Grains;
using GamifyHub.Grains.Analytics;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Analytics;

/// <summary>
/// Reads engagement figures and presents them: a window's figures and the daily snapshots of trends from the department's
/// engagement grain (the company's for the company), a challenge's or season's lift from the projection. Departments below the minimum group size come back withheld (no
/// rate at all), and the company's figure leaves them out entirely (never part of a total).
/// </summary>
public sealed class AnalyticsQueries(EngagementProjection projection, EngagementContexts contexts, IGrainFactory grains,
    CompanyDirectory directory, PrivacyBook privacy, SeasonBook seasons, ChallengeStore challenges, AnalyticsStudyBook study,
    IOptions<CompanyOptions> company, TimeProvider time)
{
    /// <summary>The metrics a trend can follow, by name.</summary>
    public static readonly IReadOnlyList<string> TrendMetrics =
    [
        "readRate", "firstResponseMedian", "firstResponseP90", "resolvedRate", "insightRate", "handoffRate", "slaMetRate",
        "participationRate", "netReturn",
    ];

    public const int MaxTrendDays = 400;
    public const int DefaultTrendDays = 90;

    /// <summary>What figures were presented as, kept with the figures a grain counted (it hands out the same instance until it
    /// counts again): a repeated read neither evaluates the maturity again nor builds a new answer.</summary>
    private readonly ConditionalWeakTable<DepartmentMetrics, Presented> _presented = [];

    /// <summary>A trend's points, kept with the daily snapshots they were read from, likewise.</summary>
    private readonly ConditionalWeakTable<DailySnapshots, PresentedTrend> _trends = [];

    private TimeZoneInfo Zone => company.Value.Zone;

    public bool Exists(Guid departmentId) => directory.Department(departmentId) is not null;

    public async Task<DepartmentAnalyticsDto> Department(Guid departmentId, AnalyticsWindow window) =>
        await Describe(departmentId, window, await Figures(departmentId, window));

    /// <summary>A department's figures of <paramref name="window"/>, as its grain counted them, with the study beside them.</summary>
    public async Task<DepartmentAnalyticsDto> Describe(Guid departmentId, AnalyticsWindow window, DepartmentMetrics? metrics)
    {
        var period = AnalyticsPeriods.For(window, time.GetUtcNow(), Zone, seasons.Current);
        return Presentation(departmentId, directory.Department(departmentId)?.Name, window, period, metrics, await Study(departmentId));
    }

    /// <summary>The company's figures (every department not withheld, as one) and the departments in <paramref name="visible"/>.</summary>
    public async Task<CompanyAnalyticsDto> Company(AnalyticsWindow window, IReadOnlySet<Guid> visible)
    {
        var period = AnalyticsPeriods.For(window, time.GetUtcNow(), Zone, seasons.Current);
        var departments = directory.Departments.Where(d => visible.Contains(d.Id)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        // Each grain answers on its own: asked together, not one after another.
        var figures = await Task.WhenAll(departments.Select(d => Figures(d.Id, window)).Prepend(Figures(Guid.Empty, window)));
        var rows = new List<DepartmentAnalyticsDto>(departments.Count);
        for (var i = 0; i < departments.Count; i++)
        {
            rows.Add(Presentation(departments[i].Id, departments[i].Name, window, period, figures[i + 1], await Study(departments[i].Id)));
        }

        var companyDto = Presentation(null, null, window, period, figures[0], await Study(null));
        return new CompanyAnalyticsDto(companyDto.Window, companyDto.Period, companyDto, rows);
    }

    public async Task<TrendDto> Trend(Guid departmentId, string metric, int days)
    {
        await projection.LoadedAsync();
        var daily = await grains.GetGrain<IDepartmentEngagementGrain>(departmentId).Snapshots(days);
        var s = await Study(departmentId);
        if (_trends.TryGetValue(daily, out var kept) && kept.Matches(departmentId, metric, s))
        {
            return kept.Trend;
        }

        var points = daily.Days.Select((snapshot, i) =>
            new TrendPointDto(daily.First.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Value(snapshot, metric, s.Model))).ToList();

        // The study has a baseline for the read rate only (the department function's figure).
        var baseline = metric == "readRate" ? Benchmark(s.Document, MaturityModel.ReadRateBaseline(s.Document, s.Function).Id) : null;
        var trend = new TrendDto(departmentId, metric, days, points, baseline);
        _trends.AddOrUpdate(daily, new PresentedTrend(departmentId, metric, s.Document, s.Function, s.Model, trend));
        return trend;
    }

    public async Task<ReturnDto> Return(Guid departmentId, AnalyticsWindow window)
    {
        var period = AnalyticsPeriods.For(window, time.GetUtcNow(), Zone, seasons.Current);
        var metrics = await Figures(departmentId, window);
        var a = metrics?.Actions ?? ActionCounts.None;
        var model = await study.ReturnModelAsync();
        var figures = ReturnCalculator.Compute(a, model);
        return new ReturnDto(departmentId, AnalyticsWindows.Name(window), PresentPeriod(period), figures.Cost, figures.Value, figures.Net,
            figures.Ratio, model.Currency,
            new ReturnCountsDto(a.Reads, a.Replies, a.Tags, a.Forwards, a.Insights, a.Resolves, a.ResolvedComplaints, a.RepliesWithinSla),
            model);
    }

    /// <summary>The department's figures before (the same length right before the start) and during each challenge that
    /// included it and each season, of those that have started.</summary>
    public async Task<LiftDto> Lift(Guid departmentId)
    {
        var now = time.GetUtcNow();
        var context = await contexts.ForAsync([departmentId]);
        var spans = new List<(string Kind, string Id, string Name, DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var c in await challenges.List())
        {
            var includes = c.Scope == ChallengeScopeKind.Company || c.DepartmentIds.Contains(departmentId.ToString(), StringComparison.OrdinalIgnoreCase);
            if (includes && c.Status is not (ChallengeStatus.Draft or ChallengeStatus.Cancelled) && Utc(c.StartsAt) <= now)
            {
                spans.Add(("challenge", c.Id.ToString(), c.Name, Utc(c.StartsAt), Utc(c.EndsAt)));
            }
        }

        foreach (var s in seasons.Current.Seasons)
        {
            var p = s.PeriodIn(Zone);
            if (p.StartUtc <= now)
            {
                spans.Add(("season", s.Id, s.Name, p.StartUtc, p.EndUtc));
            }
        }

        var entries = new List<LiftEntryDto>();
        foreach (var (kind, id, name, start, end) in spans.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var (beforeFrom, beforeTo) = GamificationLift.BeforeRange(start, end);
            var (before, during) = await projection.ReadAsync(ledger => (
                ledger.Metrics(departmentId, beforeFrom, beforeTo, start, context),
                ledger.Metrics(departmentId, start, end, end < now ? end : now, context)));
            entries.Add(new LiftEntryDto(kind, id, name, start, end, Lift(before), Lift(during)));
        }

        return new LiftDto(departmentId, entries);
    }

    public async Task<WallboardEngagementDto> Wallboard()
    {
        var rows = new List<WallboardEngagementRowDto>();
        foreach (var department in directory.Departments.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var metrics = await Figures(department.Id, AnalyticsWindow.Rolling30);
            rows.Add(new WallboardEngagementRowDto(department.Id, department.Name, metrics?.ReadRate, metrics?.Withheld ?? false));
        }

        // One line for every bar: the company-wide baseline (the highest read-rate figure of the study).
        var document = await study.BenchmarksAsync();
        return new WallboardEngagementDto(rows, Benchmark(document, MaturityModel.ReadRateBaseline(document, null).Id));
    }

    /// <summary>A window's figures of a department (<see cref="Guid.Empty"/>: the company), from its engagement grain.</summary>
    private async Task<DepartmentMetrics?> Figures(Guid departmentId, AnalyticsWindow window)
    {
        await projection.LoadedAsync();
        return (await grains.GetGrain<IDepartmentEngagementGrain>(departmentId).Figures(window)).Value;
    }

    private DepartmentAnalyticsDto Presentation(Guid? id, string? name, AnalyticsWindow window, AnalyticsPeriod? period, DepartmentMetrics? m,
        (BenchmarkDocument Document, string? Function, ReturnModel Model) study)
    {
        var minimumGroupSize = privacy.Settings.MinimumGroupSize;
        if (m is null)
        {
            return Present(id, name, window, period, m, study, minimumGroupSize);
        }

        if (_presented.TryGetValue(m, out var kept) && kept.Matches(id, name, window, period, study, minimumGroupSize))
        {
            return kept.Dto;
        }

        var dto = Present(id, name, window, period, m, study, minimumGroupSize);
        _presented.AddOrUpdate(m, new Presented(id, name, window, period, study.Document, study.Function, study.Model, minimumGroupSize, dto));
        return dto;
    }

    /// <summary>A presentation and everything besides the figures it was made from (the study's documents by instance: an edit
    /// replaces them).</summary>
    private sealed record Presented(Guid? Id, string? Name, AnalyticsWindow Window, AnalyticsPeriod? Period, BenchmarkDocument Document,
        string? Function, ReturnModel Model, int MinimumGroupSize, DepartmentAnalyticsDto Dto)
    {
        public bool Matches(Guid? id, string? name, AnalyticsWindow window, AnalyticsPeriod? period,
            (BenchmarkDocument Document, string? Function, ReturnModel Model) study, int minimumGroupSize) =>
            Id == id && Name == name && Window == window && Equals(Period, period) && ReferenceEquals(Document, study.Document)
            && Function == study.Function && ReferenceEquals(Model, study.Model) && MinimumGroupSize == minimumGroupSize;
    }

    private sealed record PresentedTrend(Guid DepartmentId, string Metric, BenchmarkDocument Document, string? Function, ReturnModel Model,
        TrendDto Trend)
    {
        public bool Matches(Guid departmentId, string metric, (BenchmarkDocument Document, string? Function, ReturnModel Model) study) =>
            DepartmentId == departmentId && Metric == metric && ReferenceEquals(Document, study.Document) && Function == study.Function
            && ReferenceEquals(Model, study.Model);
    }

    private static double? Value(DepartmentMetrics m, string metric, ReturnModel model) => metric switch
    {
        "readRate" => m.ReadRate,
        "firstResponseMedian" => m.FirstResponse.MedianMinutes,
        "firstResponseP90" => m.FirstResponse.P90Minutes,
        "resolvedRate" => m.ResolvedRate,
        "insightRate" => m.InsightRate,
        "handoffRate" => m.HandoffRate,
        "slaMetRate" => m.SlaMetRate,
        "participationRate" => m.ParticipationRate,
        "netReturn" => m.Withheld ? null : (double)ReturnCalculator.Compute(m.Actions, model).Net,
        _ => null,
    };

    private static LiftFiguresDto Lift(DepartmentMetrics m) => new(m.ReadRate, m.FirstResponse.MedianMinutes, m.InsightRate);

    /// <summary>The benchmarks document, the department's function in it (null for the company) and the return model.</summary>
    private async Task<(BenchmarkDocument Document, string? Function, ReturnModel Model)> Study(Guid? departmentId)
    {
        var document = await study.BenchmarksAsync();
        var function = departmentId is { } id && directory.Department(id) is { } d ? DepartmentFunctions.Of(document, id, d.Name, d.Slug) : null;
        return (document, function, await study.ReturnModelAsync());
    }

    private static BenchmarkDto? Benchmark(BenchmarkDocument document, string? id) =>
        id is not null && document.Find(id) is var (studyOf, figure)
            ? new BenchmarkDto(figure.Id, figure.Label, figure.Value, Source(studyOf))
            : null;

    /// <summary>The study's citation, with its year unless the citation already names it.</summary>
    private static string Source(BenchmarkStudy s)
    {
        var year = s.Year.ToString(CultureInfo.InvariantCulture);
        return s.Source.Contains(year, StringComparison.Ordinal) ? s.Source : $"{s.Source} ({year})";
    }

    private static DepartmentAnalyticsDto Present(Guid? id, string? name, AnalyticsWindow window, AnalyticsPeriod? period,
        DepartmentMetrics? m, (BenchmarkDocument Document, string? Function, ReturnModel Model) study, int minimumGroupSize)
    {
        if (m is null)
        {
            return new DepartmentAnalyticsDto(id, name, AnalyticsWindows.Name(window), null, 0, null, new DurationDto(null, null),
                new DurationDto(null, null), null, null, null, null, null, null, [], null, [], false);
        }

        var maturity = MaturityModel.Evaluate(m, study.Document, study.Function, study.Model);
        return new DepartmentAnalyticsDto(id, name, AnalyticsWindows.Name(window), PresentPeriod(period), m.RoutedItems, m.ReadRate,
            new DurationDto(m.FirstResponse.MedianMinutes, m.FirstResponse.P90Minutes), new DurationDto(m.Resolution.MedianMinutes, m.Resolution.P90Minutes),
            m.ResolvedRate, m.InsightRate, m.HandoffRate, m.SharedBothActedRate, m.SlaMetRate, m.ParticipationRate,
            [.. m.Channels.Select(c => new ChannelDto(ChannelGroups.Name(c.Group), c.Items, c.ReadRate))], Maturity(maturity),
            Benchmarks(study.Document, maturity, study.Function), m.Withheld, m.Withheld ? minimumGroupSize : null);
    }

    private static MaturityDto Maturity(MaturityAssessment a) => new(MaturityStages.Name(a.Stage), a.Score,
        [.. a.Reasons.Select(r => new MaturityReasonDto(r.Code, r.Metric, r.Value, r.Baseline, r.BenchmarkId))],
        a.NextStep is { } n ? new MaturityNextStepDto(n.Code, n.Metric, n.Target, n.BenchmarkId) : null);

    /// <summary>The study's figures this department is compared with: its function's read-rate baseline and every figure the
    /// maturity reasons name, each with its source.</summary>
    private static List<BenchmarkDto> Benchmarks(BenchmarkDocument document, MaturityAssessment maturity, string? function)
    {
        var ids = new List<string?> { MaturityModel.ReadRateBaseline(document, function).Id };
        ids.AddRange(maturity.Reasons.Select(r => r.BenchmarkId));
        ids.Add(maturity.NextStep?.BenchmarkId);
        return [.. ids.OfType<string>().Distinct(StringComparer.Ordinal).Select(i => Benchmark(document, i)).OfType<BenchmarkDto>()];
    }

    private static AnalyticsPeriodDto? PresentPeriod(AnalyticsPeriod? period) => period switch
    {
        null => null,
        { Key: "all" } => new AnalyticsPeriodDto("all", null, null),
        _ => new AnalyticsPeriodDto(period.Key, period.Start, period.End),
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
