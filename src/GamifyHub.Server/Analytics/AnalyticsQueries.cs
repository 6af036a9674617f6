using System.Globalization;
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

    private TimeZoneInfo Zone => company.Value.Zone;

    public bool Exists(Guid departmentId) => directory.Department(departmentId) is not null;

    public async Task<DepartmentAnalyticsDto> Department(Guid departmentId, AnalyticsWindow window) =>
        await Describe(departmentId, window, await Figures(departmentId, window));

    /// <summary>A department's figures of <paramref name="window"/>, as its grain counted them, with the study beside them.</summary>
    public async Task<DepartmentAnalyticsDto> Describe(Guid departmentId, AnalyticsWindow window, DepartmentMetrics? metrics)
    {
        var period = AnalyticsPeriods.For(window, time.GetUtcNow(), Zone, seasons.Current);
        return Present(departmentId, directory.Department(departmentId)?.Name, window, period, metrics, await Study(departmentId), privacy.Settings.MinimumGroupSize);
    }

    /// <summary>The company's figures (every department not withheld, as one) and the departments in <paramref name="visible"/>.</summary>
    public async Task<CompanyAnalyticsDto> Company(AnalyticsWindow window, IReadOnlySet<Guid> visible)
    {
        var period = AnalyticsPeriods.For(window, time.GetUtcNow(), Zone, seasons.Current);
        var companyMetrics = await Figures(Guid.Empty, window);
        var rows = new List<DepartmentAnalyticsDto>();
        foreach (var department in directory.Departments.Where(d => visible.Contains(d.Id)).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var metrics = await Figures(department.Id, window);
            rows.Add(Present(department.Id, department.Name, window, period, metrics, await Study(department.Id), privacy.Settings.MinimumGroupSize));
        }

        var companyDto = Present(null, null, window, period, companyMetrics, await Study(null), privacy.Settings.MinimumGroupSize);
        return new CompanyAnalyticsDto(companyDto.Window, companyDto.Period, companyDto, rows);
    }

    public async Task<TrendDto> Trend(Guid departmentId, string metric, int days)
    {
        var model = await study.ReturnModelAsync();
        var (first, snapshots) = await grains.GetGrain<IDepartmentEngagementGrain>(departmentId).Snapshots(days);
        var points = snapshots.Select((snapshot, i) =>
            new TrendPointDto(first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Value(snapshot, metric, model))).ToList();

        // The study has a baseline for the read rate only (the department function's figure).
        var baseline = metric == "readRate" && await Study(departmentId) is var s
            ? Benchmark(s.Document, MaturityModel.ReadRateBaseline(s.Document, s.Function).Id)
            : null;
        return new TrendDto(departmentId, metric, days, points, baseline);
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
    private Task<DepartmentMetrics?> Figures(Guid departmentId, AnalyticsWindow window) =>
        grains.GetGrain<IDepartmentEngagementGrain>(departmentId).Figures(window);

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
