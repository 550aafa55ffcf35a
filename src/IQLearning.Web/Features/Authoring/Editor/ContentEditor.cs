using System.Text;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>Either the editor form to show (with its outcome), or the item a draft was saved to, or a refusal.</summary>
public sealed record EditorOutcome(WorkflowOutcome Outcome, EditorForm? Form = null, int? SavedItemId = null);

/// <summary>
/// The editor's use cases: open a new or existing item, preview without saving, save a draft through
/// <see cref="ContentWorkflow"/>. Every problem is added to the field it concerns.
/// </summary>
public sealed class ContentEditor(AppDbContext db, ContentWorkflow workflow, EditorChoices choices, IStringLocalizer<ContentEditor> t)
{
    private const int MaxGiftFileBytes = 1_000_000;

    public async Task<EditorOutcome> NewAsync(ContentActor actor, ContentKind kind, CancellationToken cancellationToken)
    {
        var lists = await choices.LoadAsync(actor, kind, cancellationToken);
        if (lists.Units.Count == 0) return new(WorkflowOutcome.Forbidden);
        var form = new EditorForm { UnitId = lists.Units.Count == 1 ? lists.Units[0].Id : null };
        form.Context = new EditorContext(kind, null, lists, null, null);
        return new(WorkflowOutcome.Done, form);
    }

    public async Task<EditorOutcome> EditAsync(ContentActor actor, int itemId, CancellationToken cancellationToken)
    {
        var (item, latest, refusal) = await EditableAsync(actor, itemId, cancellationToken);
        if (item is null || latest is null) return new(refusal);
        var form = new EditorForm { Title = latest.Title, Summary = latest.Summary, Body = latest.Body, Language = item.Language };
        EditorMetadata.Fill(form, item.Kind, latest);
        form.Context = await ContextAsync(actor, item, null, cancellationToken);
        return new(WorkflowOutcome.Done, form);
    }

    public async Task<EditorOutcome> CreateAsync(ContentActor actor, ContentKind kind, EditorForm form, bool preview,
        ModelStateDictionary state, CancellationToken cancellationToken)
    {
        var lists = await choices.LoadAsync(actor, kind, cancellationToken);
        if (lists.Units.Count == 0) return new(WorkflowOutcome.Forbidden);
        await TakeUploadAsync(kind, form, state, cancellationToken);
        var language = ContentNames.Languages.Contains(form.Language) ? form.Language! : "de";
        form.Context = new EditorContext(kind, null, lists, null, preview ? EditorPreview.Of(kind, language, form.Body, t) : null);
        if (preview) return ShowPreview(form, state);

        CheckNewItem(form, kind, lists, state);
        var slug = form.Slug?.Trim() ?? "";
        var metadata = new EditorMetadata(state, t).Build(kind, form, slug, null, lists.Standards.Select(s => s.Slug).ToHashSet());
        AddBodyProblems(kind, language, form, state);
        if (!state.IsValid || metadata is null) return new(WorkflowOutcome.Invalid, form);
        var result = await workflow.CreateAsync(actor, kind, form.UnitId!.Value, slug, language, form.CourseId, Edit(form, metadata), cancellationToken);
        return Answer(result, form, state);
    }

    public async Task<EditorOutcome> SaveAsync(ContentActor actor, int itemId, EditorForm form, bool preview,
        ModelStateDictionary state, CancellationToken cancellationToken)
    {
        var (item, latest, refusal) = await EditableAsync(actor, itemId, cancellationToken);
        if (item is null || latest is null) return new(refusal);
        await TakeUploadAsync(item.Kind, form, state, cancellationToken);
        form.Context = await ContextAsync(actor, item, preview ? EditorPreview.Of(item.Kind, item.Language, form.Body, t) : null, cancellationToken);
        if (preview) return ShowPreview(form, state);

        var standards = form.Context.Choices.Standards.Select(s => s.Slug).Concat(item.Kind == ContentKind.Course
            ? latest.Read<CourseMetadata>().Standards : []).ToHashSet();
        var metadata = new EditorMetadata(state, t).Build(item.Kind, form, item.Slug, latest, standards);
        AddBodyProblems(item.Kind, item.Language, form, state);
        if (!state.IsValid || metadata is null) return new(WorkflowOutcome.Invalid, form);
        return Answer(await workflow.SaveDraftAsync(actor, item.Id, Edit(form, metadata), cancellationToken), form, state);
    }

    private static EditorOutcome ShowPreview(EditorForm form, ModelStateDictionary state)
    {
        // A preview is not a save: the typed values stay, but no field is marked wrong yet.
        foreach (var entry in state.Values) entry.Errors.Clear();
        return new(WorkflowOutcome.Done, form);
    }

    private EditorOutcome Answer(WorkflowResult result, EditorForm form, ModelStateDictionary state)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Done: return new(WorkflowOutcome.Done, SavedItemId: result.Version!.ContentItemId);
            case WorkflowOutcome.NotFound or WorkflowOutcome.Forbidden: return new(result.Outcome);
            case WorkflowOutcome.SlugTaken: state.AddOutcome(result.Outcome, nameof(form.Slug), t); break;
            case WorkflowOutcome.Invalid:
                // The checks above catch what the workflow checks; this is the fallback should the two ever differ.
                foreach (var problem in result.Problems ?? [])
                    state.AddModelError(problem.StartsWith("title:", StringComparison.Ordinal) ? nameof(form.Title) : nameof(form.Body), problem);
                break;
            default: state.AddOutcome(result.Outcome, "", t); break;
        }
        return new(result.Outcome, form);
    }

    private void CheckNewItem(EditorForm form, ContentKind kind, EditorChoiceLists lists, ModelStateDictionary state)
    {
        if (form.UnitId is not { } unit || lists.Units.All(u => u.Id != unit))
            state.AddModelError(nameof(form.UnitId), t["Authoring.Error.Unit"]);
        if (!ContentNames.IsSlug(form.Slug?.Trim())) state.AddModelError(nameof(form.Slug), t["Authoring.Error.Slug"]);
        if (!ContentNames.Languages.Contains(form.Language)) state.AddModelError(nameof(form.Language), t["Validation.Invalid"]);
        if (kind is not (ContentKind.Lesson or ContentKind.Assessment or ContentKind.Scenario)) form.CourseId = null; // only these belong to a course
        if (form.CourseId is { } course && lists.Courses.All(c => c.Id != course || c.UnitId != form.UnitId))
            state.AddModelError(nameof(form.CourseId), t["Authoring.Error.CourseUnit"]);
        else if (form.CourseId is null && kind == ContentKind.Lesson)
            state.AddModelError(nameof(form.CourseId), t["Validation.Required", t["Authoring.Field.CourseId"]]);
    }

    private void AddBodyProblems(ContentKind kind, string language, EditorForm form, ModelStateDictionary state)
    {
        foreach (var problem in EditorPreview.Of(kind, language, form.Body, t).Problems)
            state.AddModelError(nameof(form.Body), t["Authoring.Error.AtLine", problem.Line, problem.Text]);
    }

    /// <summary>An uploaded GIFT file becomes the body, shown in the text area so it can be checked and edited before saving.</summary>
    private async Task TakeUploadAsync(ContentKind kind, EditorForm form, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        if (kind != ContentKind.Assessment || form.GiftFile is not { Length: > 0 } file) return;
        if (file.Length > MaxGiftFileBytes)
        {
            state.AddModelError(nameof(form.GiftFile), t["Authoring.Error.GiftFileSize"]);
            return;
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        form.Body = await reader.ReadToEndAsync(cancellationToken);
        state.Remove(nameof(form.Body)); // else the text area would show the text that was posted instead of the file
    }

    private async Task<(ContentItem? Item, ContentVersion? Latest, WorkflowOutcome Refusal)> EditableAsync(ContentActor actor, int itemId,
        CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().Include(i => i.Unit).SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null || !actor.Can(ContentPermission.ViewDrafts, item.Kind, item.UnitId)) return (null, null, WorkflowOutcome.NotFound);
        if (!actor.CanEdit(item)) return (null, null, WorkflowOutcome.Forbidden);
        var latest = await db.ContentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        return latest is null ? (null, null, WorkflowOutcome.NotFound) : (item, latest, WorkflowOutcome.Done);
    }

    private async Task<EditorContext> ContextAsync(ContentActor actor, ContentItem item, EditorPreview? preview, CancellationToken cancellationToken)
    {
        var course = item.ParentId is { } parent
            ? await db.ContentItems.AsNoTracking().Where(i => i.Id == parent)
                .Select(i => db.ContentVersions.Where(v => v.Id == i.LatestVersionId).Select(v => v.Title).FirstOrDefault() ?? i.Slug)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var existing = new ExistingItem(item.Slug, item.Language, item.Unit?.Name ?? "", course);
        return new EditorContext(item.Kind, item.Id, await choices.LoadAsync(actor, item.Kind, cancellationToken), existing, preview);
    }

    private static DraftEdit Edit(EditorForm form, string metadata) =>
        new((form.Title ?? "").Trim(), (form.Summary ?? "").Trim(), (form.Body ?? "").Replace("\r\n", "\n"), metadata);
}
