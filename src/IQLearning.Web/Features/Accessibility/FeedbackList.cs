using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Accessibility;

public sealed record FeedbackRow(int Id, DateTime ReceivedAt, string? PageUrl, string Excerpt, bool HasEmail, DateTime? AnsweredAt);
public sealed record FeedbackListPage(bool OpenOnly, int OpenCount, IReadOnlyList<FeedbackRow> Rows);
public sealed record FeedbackDetails(AccessibilityFeedback Report, string? ReporterAccount, string? AnsweredBy, AnswerForm Form);

/// <summary>
/// Reads reports for the administration: open ones first (the law gives a month to answer), each group newest first.
/// </summary>
public sealed class FeedbackList(AppDbContext db)
{
    private const int PageSize = 200;
    private const int ExcerptLength = 140;

    public async Task<FeedbackListPage> PageAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var query = db.AccessibilityFeedback.AsNoTracking();
        if (openOnly) query = query.Where(f => f.AnsweredAt == null);
        var rows = await query.OrderBy(f => f.AnsweredAt == null ? 0 : 1).ThenByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Take(PageSize)
            .Select(f => new { f.Id, f.ReceivedAt, f.PageUrl, f.Message, HasEmail = f.Email != null, f.AnsweredAt })
            .ToListAsync(cancellationToken);
        var open = await db.AccessibilityFeedback.CountAsync(f => f.AnsweredAt == null, cancellationToken);
        return new FeedbackListPage(openOnly, open, rows.Select(r => new FeedbackRow(r.Id, r.ReceivedAt, r.PageUrl,
            r.Message.Length > ExcerptLength ? r.Message[..ExcerptLength] + "…" : r.Message, r.HasEmail, r.AnsweredAt)).ToList());
    }

    public async Task<FeedbackDetails?> DetailsAsync(int id, AnswerForm? form, CancellationToken cancellationToken)
    {
        var report = await db.AccessibilityFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (report is null) return null;
        var account = report.UserId is null ? null : await NameAsync(report.UserId, cancellationToken);
        var answeredBy = report.AnsweredById is null ? null : await NameAsync(report.AnsweredById, cancellationToken);
        return new FeedbackDetails(report, account, answeredBy, form ?? new AnswerForm());
    }

    private Task<string?> NameAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName + " (" + u.Email + ")").SingleOrDefaultAsync(cancellationToken);
}
