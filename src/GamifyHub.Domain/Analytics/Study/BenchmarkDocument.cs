namespace GamifyHub.Domain.Analytics.Study;

/// <summary>
/// The studies GamifyHub compares departments with, as data: shipped with the TCS 2013 figures
/// (<see cref="BenchmarkDefaults"/>), editable by admins as a whole, versioned so two edits cannot silently overwrite
/// each other. Also says which business function each department is (overrides of <see cref="DepartmentFunctions.Guess"/>).
/// </summary>
public sealed record BenchmarkDocument(
    int Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<BenchmarkStudy> Studies,
    IReadOnlyList<DepartmentFunctionAssignment> DepartmentFunctions)
{
    /// <summary>The figure with this id, with the study it comes from; null when no study has it.</summary>
    public (BenchmarkStudy Study, BenchmarkFigure Figure)? Find(string id)
    {
        foreach (var study in Studies)
        {
            foreach (var figure in study.Figures)
            {
                if (string.Equals(figure.Id, id, StringComparison.Ordinal))
                {
                    return (study, figure);
                }
            }
        }

        return null;
    }

    /// <summary>Every figure with the study it comes from, newest study first (the one a comparison prefers).</summary>
    public IEnumerable<(BenchmarkStudy Study, BenchmarkFigure Figure)> Figures() =>
        Studies.OrderByDescending(s => s.Year).SelectMany(s => s.Figures.Select(f => (s, f)));
}

/// <summary>One published study. Url is null when the study has no stable public address.</summary>
public sealed record BenchmarkStudy(string Id, string Source, int Year, int? SampleSize, string? Url, IReadOnlyList<BenchmarkFigure> Figures);

/// <summary>One figure of a study: a share from 0 to 1, with what it means in words.</summary>
public sealed record BenchmarkFigure(string Id, string Label, double Value, string Meaning);

/// <summary>An admin's statement of which business function a department is (see <see cref="DepartmentFunctions"/>).</summary>
public sealed record DepartmentFunctionAssignment(Guid DepartmentId, string Function);

/// <summary>What is wrong with a proposed document, by JSON path.</summary>
public sealed record BenchmarkError(string Path, string Message);
