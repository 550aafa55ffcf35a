using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Authoring;

public sealed record QueueRow(int VersionId, int Number, string Title, ContentKind Kind, string Unit, string Author, DateTime? SubmittedAt);

/// <param name="IsOwn">The reviewer wrote or submitted this version: the four-eyes rule forbids publishing it.</param>
/// <param name="PublishedNumber">The version now published, which the diff compares against; null when none is.</param>
public sealed record ReviewPage(int VersionId, int ItemId, ContentKind Kind, string Language, int Number, VersionStatus Status, string Title,
    string Summary, string Body, string BodyHtml, string Author, DateTime? SubmittedAt, bool IsOwn, int? PublishedNumber,
    IReadOnlyList<DiffLine> Diff);

/// <summary>The reviewer's decision: a comment is optional when publishing and required when returning.</summary>
public sealed class ReviewForm
{
    [StringLength(2000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.PublishComment")]
    public string? PublishComment { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Authoring.Field.ReturnComment")]
    public string? ReturnComment { get; set; }

    [BindNever, ValidateNever] public ReviewPage Page { get; set; } = null!;
}

/// <summary>Versions waiting for review in the reviewer's units, and one of them with the diff to what is published now.</summary>
public sealed class ReviewQueue(AppDbContext db)
{
    public async Task<IReadOnlyList<QueueRow>> WaitingAsync(ContentActor actor, CancellationToken cancellationToken = default)
    {
        var unitIds = actor.UnitIds.ToList();
        var waiting = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.InReview && (actor.IsAdministrator || unitIds.Contains(v.Item!.UnitId)))
            .OrderBy(v => v.SubmittedAt)
            .Select(v => new { v.Id, v.Number, v.Title, v.Item!.Kind, v.Item.UnitId, Unit = v.Item.Unit!.Name, v.CreatedById, v.SubmittedAt })
            .ToListAsync(cancellationToken);
        var names = await db.NamesAsync(waiting.Select(w => w.CreatedById), cancellationToken);
        return waiting.Where(w => actor.Can(ContentPermission.ReviewPublish, w.Kind, w.UnitId))
            .Select(w => new QueueRow(w.Id, w.Number, w.Title, w.Kind, w.Unit, names.NameOf(w.CreatedById), w.SubmittedAt))
            .ToList();
    }

    /// <summary>Null (→ 404) unless the actor reviews the version's unit.</summary>
    public async Task<ReviewPage?> PageAsync(ContentActor actor, int versionId, CancellationToken cancellationToken = default)
    {
        var version = await db.ContentVersions.AsNoTracking().Include(v => v.Item).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version?.Item is not { } item || !actor.Can(ContentPermission.ReviewPublish, item.Kind, item.UnitId)) return null;
        var published = item.PublishedVersionId is { } id && id != version.Id
            ? await db.ContentVersions.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.Number, v.Body }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var names = await db.NamesAsync([version.CreatedById], cancellationToken);
        var isOwn = version.CreatedById == actor.UserId || version.SubmittedById == actor.UserId;
        return new ReviewPage(version.Id, item.Id, item.Kind, item.Language, version.Number, version.Status, version.Title, version.Summary,
            version.Body, version.BodyHtml, names.NameOf(version.CreatedById), version.SubmittedAt, isOwn, published?.Number,
            published is null ? [] : TextDiff.Lines(published.Body, version.Body));
    }
}
