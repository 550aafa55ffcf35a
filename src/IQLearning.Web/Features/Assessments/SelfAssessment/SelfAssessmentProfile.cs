namespace IQLearning.Web.Features.Assessments.SelfAssessment;

public sealed record DimensionScore(string DimensionId, decimal Mean);

/// <summary>The personal result: the mean rating a dimension, after reverse-scored items are turned round.</summary>
public sealed record SelfAssessmentProfile(IReadOnlyList<DimensionScore> Dimensions)
{
    /// <summary>Every item must be rated within the scale; the caller checks that first (see <see cref="Missing"/>).</summary>
    public static SelfAssessmentProfile Compute(SelfAssessmentInstrument instrument, IReadOnlyDictionary<string, int> ratings)
    {
        var scores = instrument.Dimensions.Select(dimension => new DimensionScore(dimension.Id,
            Math.Round(dimension.Items.Average(item => (decimal)Scored(item, Rating(ratings, item))), 2))).ToList();
        return new SelfAssessmentProfile(scores);
    }

    /// <summary>The items without a rating inside the scale, in the order shown.</summary>
    public static IReadOnlyList<LikertItem> Missing(SelfAssessmentInstrument instrument, IReadOnlyDictionary<string, int> ratings) =>
        instrument.Items.Where(item => !ratings.TryGetValue(item.Id, out var r) || r is < SelfAssessmentInstrument.ScaleMin or > SelfAssessmentInstrument.ScaleMax).ToList();

    // 1..5 reversed is 5..1: min + max − rating.
    private static int Scored(LikertItem item, int rating) =>
        item.Reverse ? SelfAssessmentInstrument.ScaleMin + SelfAssessmentInstrument.ScaleMax - rating : rating;

    private static int Rating(IReadOnlyDictionary<string, int> ratings, LikertItem item) =>
        ratings.TryGetValue(item.Id, out var rating) && rating is >= SelfAssessmentInstrument.ScaleMin and <= SelfAssessmentInstrument.ScaleMax
            ? rating
            : throw new ArgumentException($"Item '{item.Id}' has no rating within the scale.", nameof(ratings));
}
