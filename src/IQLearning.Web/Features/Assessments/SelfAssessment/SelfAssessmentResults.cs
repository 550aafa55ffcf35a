using System.Text.Json;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Assessments.SelfAssessment;

public sealed record SelfAssessmentResultView(SelfAssessmentInstrument Instrument, int ResultId, DateTime CompletedAt, SelfAssessmentProfile Profile);

/// <summary>
/// A learner's own results: read and deleted only by their owner (anyone else gets 404). No other feature reads
/// this table, so a self-assessment never shows up in a manager's report.
/// </summary>
public sealed class SelfAssessmentResults(AppDbContext db, SelfAssessmentInstruments instruments)
{
    public async Task<SelfAssessmentResultView?> ShowAsync(string userId, string slug, int resultId, CancellationToken cancellationToken)
    {
        if (instruments.Find(slug) is not { } instrument) return null;
        var result = await db.SelfAssessmentResults.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == resultId && r.UserId == userId && r.InstrumentSlug == slug, cancellationToken);
        if (result is null) return null;
        var profile = JsonSerializer.Deserialize<SelfAssessmentProfile>(result.ProfileJson) ?? new SelfAssessmentProfile([]);
        return new SelfAssessmentResultView(instrument, result.Id, result.CompletedAt, profile);
    }

    /// <param name="resultId">One result, or null for all of the learner's results of this instrument.</param>
    /// <returns>How many results were deleted.</returns>
    public Task<int> DeleteAsync(string userId, string slug, int? resultId, CancellationToken cancellationToken) =>
        db.SelfAssessmentResults
            .Where(r => r.UserId == userId && r.InstrumentSlug == slug && (resultId == null || r.Id == resultId))
            .ExecuteDeleteAsync(cancellationToken);
}
