using IQLearning.Tests.Support;
using IQLearning.Web.Features.Assessments.SelfAssessment;

namespace IQLearning.Tests.Features.Assessments.SelfAssessment;

public sealed class SelfAssessmentProfileTests
{
    private static readonly LocalText Any = new("x", "x");

    private static SelfAssessmentInstrument Instrument() => new("probe", Any, Any, [Any, Any, Any, Any, Any],
    [
        new LikertDimension("a", Any, Any, [new LikertItem("a1", Any, false), new LikertItem("a2", Any, true)]),
        new LikertDimension("b", Any, Any, [new LikertItem("b1", Any, false), new LikertItem("b2", Any, false), new LikertItem("b3", Any, true)]),
    ]);

    [Fact]
    public void Reverse_scored_items_count_six_minus_the_rating_and_each_dimension_is_the_mean_of_its_items()
    {
        var ratings = new Dictionary<string, int> { ["a1"] = 5, ["a2"] = 1, ["b1"] = 2, ["b2"] = 3, ["b3"] = 2 };

        var profile = SelfAssessmentProfile.Compute(Instrument(), ratings);

        Assert.Equal([new DimensionScore("a", 5m), new DimensionScore("b", 3m)], profile.Dimensions);
    }

    [Fact]
    public void Agreeing_with_a_reversed_statement_lowers_its_dimension()
    {
        var agree = new Dictionary<string, int> { ["a1"] = 3, ["a2"] = 5, ["b1"] = 3, ["b2"] = 3, ["b3"] = 3 };

        var profile = SelfAssessmentProfile.Compute(Instrument(), agree);

        Assert.Equal(2m, profile.Dimensions[0].Mean);
    }

    [Fact]
    public void Means_are_rounded_to_two_places()
    {
        var ratings = new Dictionary<string, int> { ["a1"] = 1, ["a2"] = 1, ["b1"] = 1, ["b2"] = 1, ["b3"] = 4 };

        Assert.Equal(1.33m, SelfAssessmentProfile.Compute(Instrument(), ratings).Dimensions[1].Mean);
    }

    [Fact]
    public void Missing_and_out_of_scale_ratings_are_listed_and_refused()
    {
        var ratings = new Dictionary<string, int> { ["a1"] = 5, ["a2"] = 6, ["b1"] = 0, ["b2"] = 3 };

        Assert.Equal(["a2", "b1", "b3"], SelfAssessmentProfile.Missing(Instrument(), ratings).Select(i => i.Id));
        Assert.Throws<ArgumentException>(() => SelfAssessmentProfile.Compute(Instrument(), ratings));
    }

    [Fact]
    public void The_shipped_instrument_reads_without_errors_and_fits_the_format()
    {
        var folder = Path.Combine(SiteFactory.ShippedContent, "self-assessments");
        var files = Directory.GetFiles(folder, "*.yml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var (instrument, errors) = InstrumentReader.Read(Path.GetFileName(file), File.ReadAllText(file));
            Assert.Empty(errors);
            Assert.InRange(instrument!.Items.Count(), 10, 16);
            Assert.InRange(instrument.Dimensions.Count, 3, 4);
            Assert.Contains(instrument.Items, i => i.Reverse);
            Assert.All(instrument.Items, i => Assert.NotEqual(i.Text.De, i.Text.En));
        }
    }

    [Theory]
    [InlineData("title: {de: T}\n", "title: expected a text in de and en")]
    [InlineData("unknown_key: 1\n", "unknown-key.yml")]
    [InlineData("title: {de: T, en: T}\nintroduction: {de: I, en: I}\nscale: [{de: a, en: a}]\ndimensions: []\n", "scale: expected 5 labels")]
    public void A_broken_instrument_file_gives_errors_and_no_instrument(string yaml, string expected)
    {
        var (instrument, errors) = InstrumentReader.Read(expected == "unknown-key.yml" ? "unknown-key.yml" : "broken.yml", yaml);

        Assert.Null(instrument);
        Assert.Contains(errors, e => e.Contains(expected));
    }
}
