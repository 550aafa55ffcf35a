using System.Globalization;
using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Assessments.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace IQLearning.Web.Features.Assessments.SelfAssessment;

public sealed record ResultSummary(int Id, DateTime CompletedAt);

/// <summary>The questionnaire with the ratings given so far (after a failed post), and the learner's own earlier results.</summary>
public sealed record SelfAssessmentPageView(SelfAssessmentInstrument Instrument, IReadOnlyDictionary<string, int> Ratings,
    IReadOnlyList<LikertItem> Missing, IReadOnlyList<ResultSummary> Results);

/// <summary>Shows a self-check and stores a completed one as a private result of the learner.</summary>
public sealed class TakeSelfAssessment(AppDbContext db, SelfAssessmentInstruments instruments, TimeProvider clock)
{
    public const string ItemPrefix = "item.";

    public async Task<SelfAssessmentPageView?> ShowAsync(string userId, string slug, CancellationToken cancellationToken) =>
        instruments.Find(slug) is { } instrument ? await PageAsync(userId, instrument, new Dictionary<string, int>(), [], cancellationToken) : null;

    /// <returns>The stored result's id, or the page again with the items still to rate; null when there is no such instrument.</returns>
    public async Task<(int? ResultId, SelfAssessmentPageView? Page)?> SaveAsync(string userId, string slug,
        IEnumerable<KeyValuePair<string, StringValues>> form, CancellationToken cancellationToken)
    {
        if (instruments.Find(slug) is not { } instrument) return null;
        var posted = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        // Only the instrument's own items are read: a made-up field name cannot put anything into the result.
        var ratings = instrument.Items
            .Select(item => (item.Id, Value: posted.TryGetValue(ItemPrefix + item.Id, out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0))
            .Where(r => r.Value is >= SelfAssessmentInstrument.ScaleMin and <= SelfAssessmentInstrument.ScaleMax)
            .ToDictionary(r => r.Id, r => r.Value);
        var missing = SelfAssessmentProfile.Missing(instrument, ratings);
        if (missing.Count > 0) return (null, await PageAsync(userId, instrument, ratings, missing, cancellationToken));

        var result = new SelfAssessmentResult
        {
            UserId = userId, InstrumentSlug = slug, CompletedAt = clock.GetUtcNow().UtcDateTime,
            AnswersJson = JsonSerializer.Serialize(ratings), ProfileJson = JsonSerializer.Serialize(SelfAssessmentProfile.Compute(instrument, ratings)),
        };
        db.SelfAssessmentResults.Add(result);
        await db.SaveChangesAsync(cancellationToken);
        return (result.Id, null);
    }

    private async Task<SelfAssessmentPageView> PageAsync(string userId, SelfAssessmentInstrument instrument, IReadOnlyDictionary<string, int> ratings,
        IReadOnlyList<LikertItem> missing, CancellationToken cancellationToken)
    {
        var results = await db.SelfAssessmentResults.AsNoTracking()
            .Where(r => r.UserId == userId && r.InstrumentSlug == instrument.Slug)
            .OrderByDescending(r => r.CompletedAt).Select(r => new ResultSummary(r.Id, r.CompletedAt)).ToListAsync(cancellationToken);
        return new SelfAssessmentPageView(instrument, ratings, missing, results);
    }
}
