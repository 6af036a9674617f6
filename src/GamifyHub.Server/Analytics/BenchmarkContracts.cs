using GamifyHub.Domain.Analytics.Study;

namespace GamifyHub.Server.Analytics;

/// <summary>
/// What an admin sends to replace the benchmarks document: the whole document as GET answers it (updatedAt is ignored,
/// the server sets it). Every field is optional here so a missing one is a 400 naming it, not a deserialisation error.
/// </summary>
public sealed record BenchmarkDocumentBody(int? Version, DateTimeOffset? UpdatedAt, IReadOnlyList<BenchmarkStudyBody?>? Studies,
    IReadOnlyList<DepartmentFunctionBody?>? DepartmentFunctions)
{
    /// <summary>The domain document; a missing value becomes one the validator names (an empty text, year 0, value NaN).</summary>
    public BenchmarkDocument ToDocument() => new(
        Version ?? 0,
        DateTimeOffset.MinValue,
        Studies is null ? null! : [.. Studies.Select(s => s is null ? null! : new BenchmarkStudy(s.Id ?? "", s.Source ?? "", s.Year ?? 0,
            s.SampleSize, s.Url, s.Figures is null ? null! : [.. s.Figures.Select(f => f is null ? null! :
                new BenchmarkFigure(f.Id ?? "", f.Label ?? "", f.Value ?? double.NaN, f.Meaning ?? ""))]))],
        DepartmentFunctions is null ? null! : [.. DepartmentFunctions.Select(a => a is null ? null! :
            new DepartmentFunctionAssignment(a.DepartmentId ?? Guid.Empty, a.Function ?? ""))]);
}

public sealed record BenchmarkStudyBody(string? Id, string? Source, int? Year, int? SampleSize, string? Url,
    IReadOnlyList<BenchmarkFigureBody?>? Figures);

public sealed record BenchmarkFigureBody(string? Id, string? Label, double? Value, string? Meaning);

public sealed record DepartmentFunctionBody(Guid? DepartmentId, string? Function);
