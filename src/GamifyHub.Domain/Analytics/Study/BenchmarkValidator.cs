using System.Text.RegularExpressions;

namespace GamifyHub.Domain.Analytics.Study;

/// <summary>Checks a proposed benchmarks document before it replaces the one in force; every problem named by its JSON path.</summary>
public static partial class BenchmarkValidator
{
    public const int MaxStudies = 20;
    public const int MaxFiguresPerStudy = 100;
    public const int MaxDepartmentFunctions = 1000;
    public const int IdMaxLength = 100;
    public const int SourceMaxLength = 500;
    public const int LabelMaxLength = 200;
    public const int MeaningMaxLength = 1000;
    public const int UrlMaxLength = 500;

    [GeneratedRegex("^[a-z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex IdPattern();

    public static IReadOnlyList<BenchmarkError> Validate(BenchmarkDocument document)
    {
        var errors = new List<BenchmarkError>();
        if (document.Studies is null || document.Studies.Count == 0)
        {
            errors.Add(new("studies", "At least one study is required."));
        }
        else if (document.Studies.Count > MaxStudies)
        {
            errors.Add(new("studies", $"At most {MaxStudies} studies are allowed."));
        }
        else
        {
            var studyIds = new HashSet<string>(StringComparer.Ordinal);
            var figureIds = new HashSet<string>(StringComparer.Ordinal);
            for (var s = 0; s < document.Studies.Count; s++)
            {
                ValidateStudy(document.Studies[s], $"studies[{s}]", studyIds, figureIds, errors);
            }
        }

        if (document.DepartmentFunctions is null)
        {
            errors.Add(new("departmentFunctions", "A list (possibly empty) of {departmentId, function} is required."));
        }
        else if (document.DepartmentFunctions.Count > MaxDepartmentFunctions)
        {
            errors.Add(new("departmentFunctions", $"At most {MaxDepartmentFunctions} assignments are allowed."));
        }
        else
        {
            var departments = new HashSet<Guid>();
            for (var i = 0; i < document.DepartmentFunctions.Count; i++)
            {
                var path = $"departmentFunctions[{i}]";
                var assignment = document.DepartmentFunctions[i];
                if (assignment is null)
                {
                    errors.Add(new(path, "An assignment {departmentId, function} is required."));
                    continue;
                }

                if (assignment.DepartmentId == Guid.Empty)
                {
                    errors.Add(new($"{path}.departmentId", "A department id is required."));
                }
                else if (!departments.Add(assignment.DepartmentId))
                {
                    errors.Add(new($"{path}.departmentId", $"Department {assignment.DepartmentId} is assigned more than once."));
                }

                if (!DepartmentFunctions.IsKnown(assignment.Function))
                {
                    errors.Add(new($"{path}.function",
                        $"Unknown function \"{assignment.Function}\"; use one of {string.Join(", ", DepartmentFunctions.All)}."));
                }
            }
        }

        return errors;
    }

    private static void ValidateStudy(BenchmarkStudy? study, string path, HashSet<string> studyIds, HashSet<string> figureIds,
        List<BenchmarkError> errors)
    {
        if (study is null)
        {
            errors.Add(new(path, "A study is required."));
            return;
        }

        if (Id(study.Id, $"{path}.id", errors) && !studyIds.Add(study.Id))
        {
            errors.Add(new($"{path}.id", $"The study id \"{study.Id}\" is used more than once."));
        }

        Text(study.Source, SourceMaxLength, $"{path}.source", "source", errors);
        if (study.Year is < 1900 or > 2100)
        {
            errors.Add(new($"{path}.year", "The year must be between 1900 and 2100."));
        }

        if (study.SampleSize is < 1)
        {
            errors.Add(new($"{path}.sampleSize", "The sample size must be at least 1 (or null when unknown)."));
        }

        if (study.Url is not null && (study.Url.Length > UrlMaxLength
            || !Uri.TryCreate(study.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add(new($"{path}.url", $"The url must be an absolute http(s) address of at most {UrlMaxLength} characters, or null."));
        }

        if (study.Figures is null || study.Figures.Count == 0)
        {
            errors.Add(new($"{path}.figures", "A study needs at least one figure."));
            return;
        }

        if (study.Figures.Count > MaxFiguresPerStudy)
        {
            errors.Add(new($"{path}.figures", $"At most {MaxFiguresPerStudy} figures per study are allowed."));
            return;
        }

        for (var f = 0; f < study.Figures.Count; f++)
        {
            var figurePath = $"{path}.figures[{f}]";
            var figure = study.Figures[f];
            if (figure is null)
            {
                errors.Add(new(figurePath, "A figure {id, label, value, meaning} is required."));
                continue;
            }

            if (Id(figure.Id, $"{figurePath}.id", errors) && !figureIds.Add(figure.Id))
            {
                errors.Add(new($"{figurePath}.id", $"The figure id \"{figure.Id}\" is used more than once."));
            }

            Text(figure.Label, LabelMaxLength, $"{figurePath}.label", "label", errors);
            Text(figure.Meaning, MeaningMaxLength, $"{figurePath}.meaning", "meaning", errors);
            if (!double.IsFinite(figure.Value) || figure.Value < 0 || figure.Value > 1)
            {
                errors.Add(new($"{figurePath}.value", "A figure is a share from 0 to 1 (0.27 for 27%)."));
            }
        }
    }

    private static bool Id(string? id, string path, List<BenchmarkError> errors)
    {
        if (string.IsNullOrEmpty(id) || id.Length > IdMaxLength || !IdPattern().IsMatch(id))
        {
            errors.Add(new(path, $"An id of 1 to {IdMaxLength} letters, digits, dots, dashes or underscores, starting with a lower-case letter or digit, is required."));
            return false;
        }

        return true;
    }

    private static void Text(string? text, int maxLength, string path, string what, List<BenchmarkError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(path, $"A {what} is required."));
        }
        else if (text.Length > maxLength)
        {
            errors.Add(new(path, $"The {what} has at most {maxLength} characters."));
        }
    }
}
