using GamifyHub.Domain.Analytics.Study;

namespace GamifyHub.Domain.Tests.Analytics;

public sealed class BenchmarkDocumentTests
{
    private static BenchmarkDocument Shipped => BenchmarkDefaults.Document;

    [Theory]
    [InlineData("tcs2013.readRate.rd", 0.27)]
    [InlineData("tcs2013.readRate.pm", 0.37)]
    [InlineData("tcs2013.silos", 0.58)]
    [InlineData("tcs2013.roi.none", 0.44)]
    [InlineData("tcs2013.roi.negative", 0.18)]
    [InlineData("tcs2013.roi.positive.leaders", 0.62)]
    [InlineData("tcs2013.roi.positive.laggards", 0.17)]
    [InlineData("tcs2013.channel.blogs.leaders", 0.81)]
    [InlineData("tcs2013.channel.blogs.laggards", 0.50)]
    [InlineData("tcs2013.channel.appstores.leaders", 0.77)]
    [InlineData("tcs2013.channel.appstores.laggards", 0.49)]
    [InlineData("tcs2013.channel.video.leaders", 0.61)]
    [InlineData("tcs2013.channel.video.laggards", 0.34)]
    public void The_shipped_document_carries_the_TCS_2013_figures(string id, double value)
    {
        var found = Shipped.Find(id);
        Assert.NotNull(found);
        Assert.Equal(value, found.Value.Figure.Value);
        Assert.Equal("tcs2013", found.Value.Study.Id);
        Assert.False(string.IsNullOrWhiteSpace(found.Value.Figure.Meaning));
    }

    [Fact]
    public void The_shipped_study_is_TCS_Mastering_Digital_Feedback_2013_with_655_companies_and_is_valid()
    {
        var study = Assert.Single(Shipped.Studies);
        Assert.Equal(2013, study.Year);
        Assert.Equal(655, study.SampleSize);
        Assert.Contains("Mastering Digital Feedback", study.Source, StringComparison.Ordinal);
        Assert.Equal(13, study.Figures.Count);
        Assert.Equal(1, Shipped.Version);
        Assert.Empty(Shipped.DepartmentFunctions);
        Assert.Empty(BenchmarkValidator.Validate(Shipped));
    }

    [Fact]
    public void A_document_survives_its_JSON_form()
    {
        var withAssignment = Shipped with { DepartmentFunctions = [new(Guid.NewGuid(), DepartmentFunctions.Marketing)] };
        var back = BenchmarkDefaults.Deserialize(BenchmarkDefaults.Serialize(withAssignment));
        Assert.Equal(BenchmarkDefaults.Serialize(withAssignment), BenchmarkDefaults.Serialize(back));
        Assert.Contains("\"departmentFunctions\":[{\"departmentId\"", BenchmarkDefaults.Serialize(withAssignment), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_shares_outside_0_to_1_unknown_functions_and_long_texts_are_named_by_path()
    {
        var study = Shipped.Studies[0];
        var department = Guid.NewGuid();
        var bad = Shipped with
        {
            Studies =
            [
                study with
                {
                    Url = "ftp://example.com",
                    Year = 1800,
                    SampleSize = 0,
                    Figures =
                    [
                        study.Figures[0] with { Value = 27 },
                        study.Figures[0] with { Label = "" },
                        study.Figures[1] with { Id = "Not An Id" },
                        study.Figures[2] with { Meaning = new string('m', BenchmarkValidator.MeaningMaxLength + 1) },
                        study.Figures[3] with { Value = double.NaN },
                    ],
                },
                study with { Source = " " },
            ],
            DepartmentFunctions = [new(department, "rd"), new(department, "finance"), new(Guid.Empty, "pm")],
        };

        var paths = BenchmarkValidator.Validate(bad).Select(e => e.Path).ToList();
        Assert.Contains("studies[0].url", paths);
        Assert.Contains("studies[0].year", paths);
        Assert.Contains("studies[0].sampleSize", paths);
        Assert.Contains("studies[0].figures[0].value", paths);
        Assert.Contains("studies[0].figures[1].id", paths);
        Assert.Contains("studies[0].figures[1].label", paths);
        Assert.Contains("studies[0].figures[2].id", paths);
        Assert.Contains("studies[0].figures[3].meaning", paths);
        Assert.Contains("studies[0].figures[4].value", paths);
        Assert.Contains("studies[1].id", paths);
        Assert.Contains("studies[1].source", paths);
        Assert.Contains("departmentFunctions[1].departmentId", paths);
        Assert.Contains("departmentFunctions[1].function", paths);
        Assert.Contains("departmentFunctions[2].departmentId", paths);
        Assert.Contains(BenchmarkValidator.Validate(bad), e => e.Message.Contains("0.27 for 27%", StringComparison.Ordinal));
    }

    [Fact]
    public void No_studies_too_many_studies_or_too_many_figures_are_refused()
    {
        Assert.Contains(BenchmarkValidator.Validate(Shipped with { Studies = [] }), e => e.Path == "studies");
        var many = Enumerable.Range(0, BenchmarkValidator.MaxStudies + 1).Select(i => Shipped.Studies[0] with { Id = $"s{i}" }).ToList();
        Assert.Contains(BenchmarkValidator.Validate(Shipped with { Studies = many }), e => e.Path == "studies");
        var figures = Enumerable.Range(0, BenchmarkValidator.MaxFiguresPerStudy + 1)
            .Select(i => Shipped.Studies[0].Figures[0] with { Id = $"f{i}" }).ToList();
        Assert.Contains(BenchmarkValidator.Validate(Shipped with { Studies = [Shipped.Studies[0] with { Figures = figures }] }),
            e => e.Path == "studies[0].figures");
    }

    [Theory]
    [InlineData("Research & Development", "rnd", "rd")]
    [InlineData("Forschung und Entwicklung", "fue", "rd")]
    [InlineData("Engineering", "eng", "rd")]
    [InlineData("Product Management", "product", "pm")]
    [InlineData("Produktmanagement", "pm", "pm")]
    [InlineData("Produktentwicklung", "produktentwicklung", "rd")]
    [InlineData("Marketing", "marketing", "marketing")]
    [InlineData("Presse & PR", "pr", "marketing")]
    [InlineData("Customer Service", "service", "service")]
    [InlineData("Kundendienst", "kundendienst", "service")]
    [InlineData("Sales", "sales", "sales")]
    [InlineData("Vertrieb", "vertrieb", "sales")]
    [InlineData("Operations & Logistics", "logistics", "other")]
    [InlineData("Pricing", "pricing", "other")]
    public void A_department_function_is_guessed_from_its_name_and_slug(string name, string slug, string expected) =>
        Assert.Equal(expected, DepartmentFunctions.Guess(name, slug));

    [Fact]
    public void An_admins_assignment_wins_over_the_guess()
    {
        var id = Guid.NewGuid();
        var document = Shipped with { DepartmentFunctions = [new(id, DepartmentFunctions.ProductManagement)] };
        Assert.Equal("pm", DepartmentFunctions.Of(document, id, "Research & Development", "rnd"));
        Assert.Equal("rd", DepartmentFunctions.Of(document, Guid.NewGuid(), "Research & Development", "rnd"));
    }
}
