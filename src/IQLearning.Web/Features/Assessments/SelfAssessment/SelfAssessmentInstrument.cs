namespace IQLearning.Web.Features.Assessments.SelfAssessment;

/// <summary>A text in German and English; English falls back to German.</summary>
public sealed record LocalText(string De, string En)
{
    public string For(string language) => language == "en" && En.Length > 0 ? En : De;
}

/// <summary>One statement the learner rates; a reverse-scored statement counts 6 − rating, so agreeing lowers its dimension.</summary>
public sealed record LikertItem(string Id, LocalText Text, bool Reverse);

public sealed record LikertDimension(string Id, LocalText Title, LocalText Description, IReadOnlyList<LikertItem> Items);

/// <summary>
/// A Likert self-check from <c>content/self-assessments/&lt;slug&gt;.yml</c> (docs/content-format.md): statements rated on a
/// five-point scale, grouped in dimensions. The slug and the item ids are what results are stored under.
/// </summary>
public sealed record SelfAssessmentInstrument(string Slug, LocalText Title, LocalText Introduction, IReadOnlyList<LocalText> ScaleLabels,
    IReadOnlyList<LikertDimension> Dimensions)
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;

    public IEnumerable<LikertItem> Items => Dimensions.SelectMany(d => d.Items);
}
