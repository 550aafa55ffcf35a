using System.Security.Claims;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Media;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Media;

/// <summary>A refusal tied to a form field: the text key of the message and what it names (file, limit, type).</summary>
public sealed record UploadError(string Field, string TextKey, params object[] Arguments);

public sealed record UploadResult(MediaFile? Media, bool Reused, IReadOnlyList<UploadError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// An author, reviewer or administrator adds a file to the media library of one of their units. BITV rules come
/// first: an image needs alt text or an explicit "decorative", a video needs its WebVTT captions in the same upload.
/// </summary>
public sealed class UploadMedia(AppDbContext db, MediaStore store, ContentActors actors, TimeProvider clock)
{
    public const int MaxAltTextLength = 500;

    public async Task<UploadResult> HandleAsync(MediaUploadForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ForAsync(user, cancellationToken);
        var errors = new List<UploadError>();
        if (form.UnitId is not { } unitId || !await MayUploadToAsync(actor, unitId, cancellationToken))
            errors.Add(new(nameof(form.UnitId), "Media.Error.Unit"));

        var file = Check(form.File, nameof(form.File), errors);
        var captions = Check(form.Captions, nameof(form.Captions), errors);
        if (file is { Type.Kind: MediaKind.Image }) CheckAltText(form, errors);
        if (file is { Type.Kind: MediaKind.Video } && captions is null && form.Captions is null)
            errors.Add(new(nameof(form.Captions), "Media.Error.CaptionsRequired", MediaFileName.Clean(form.File!.FileName)));
        if (captions is { Type.Kind: not MediaKind.Captions })
            errors.Add(new(nameof(form.Captions), "Media.Error.CaptionsNotVtt", MediaFileName.Clean(form.Captions!.FileName)));
        if (file is { Type.Kind: not MediaKind.Video } && form.Captions is not null)
            errors.Add(new(nameof(form.Captions), "Media.Error.CaptionsOnlyForVideo"));
        if (errors.Count > 0 || file is null) return new(null, false, errors);

        int? captionsId = captions is null ? null : (await SaveAsync(captions.Value, actor.UserId, form.UnitId!.Value, null, null, cancellationToken)).Media.Id;
        var altText = file.Value.Type.Kind == MediaKind.Image ? (form.Decorative ? "" : form.AltText) : null;
        var (media, reused) = await SaveAsync(file.Value, actor.UserId, form.UnitId!.Value, altText, captionsId, cancellationToken);
        return new(media, reused, []);
    }

    private async Task<bool> MayUploadToAsync(ContentActor actor, int unitId, CancellationToken cancellationToken) =>
        (actor.IsAdministrator || (actor.IsAuthoring && actor.UnitIds.Contains(unitId)))
        && await db.SpecialistUnits.AnyAsync(u => u.Id == unitId, cancellationToken);

    private static (UploadedFile File, MediaType Type, string Name)? Check(UploadedFile? file, string field, List<UploadError> errors)
    {
        if (file is null)
        {
            if (field == nameof(MediaUploadForm.File)) errors.Add(new(field, "Media.Error.FileRequired"));
            return null;
        }
        var shown = MediaFileName.Clean(file.FileName);
        if (file.TooLarge)
        {
            errors.Add(new(field, "Media.Error.TooLarge", shown, FileSize.Format(file.Limit)));
            return null;
        }
        var check = MediaTypeDetector.Check(file.Content, LastSegment(file.FileName));
        if (!check.Accepted)
        {
            errors.Add(check.Refusal switch
            {
                MediaRefusal.Empty => new(field, "Media.Error.Empty", shown),
                MediaRefusal.MacroEnabled => new(field, "Media.Error.MacroEnabled", shown),
                MediaRefusal.ExtensionMismatch => new(field, "Media.Error.ExtensionMismatch", shown, Path.GetExtension(LastSegment(file.FileName)), check.Type!.Name),
                _ => new(field, "Media.Error.TypeNotAllowed", shown),
            });
            return null;
        }
        return (file, check.Type!, MediaFileName.Sanitise(file.FileName, check.Type!));
    }

    private static void CheckAltText(MediaUploadForm form, List<UploadError> errors)
    {
        var hasAlt = !string.IsNullOrWhiteSpace(form.AltText);
        if (!hasAlt && !form.Decorative) errors.Add(new(nameof(form.AltText), "Media.Error.AltRequired"));
        else if (hasAlt && form.Decorative) errors.Add(new(nameof(form.AltText), "Media.Error.AltAndDecorative"));
        else if (form.AltText!.Length > MaxAltTextLength) errors.Add(new(nameof(form.AltText), "Media.Error.AltTooLong", MaxAltTextLength));
    }

    /// <summary>Stores the bytes under their hash; the same bytes in the same unit are the same library entry.</summary>
    private async Task<(MediaFile Media, bool Reused)> SaveAsync((UploadedFile File, MediaType Type, string Name) upload,
        string userId, int unitId, string? altText, int? captionsId, CancellationToken cancellationToken)
    {
        var sha256 = await store.SaveAsync(upload.File.Content, cancellationToken);
        if (await FindAsync(unitId, sha256, cancellationToken) is { } existing) return (existing, true);
        var media = new MediaFile
        {
            Sha256 = sha256, FileName = upload.Name, ContentType = upload.Type.ContentType, Length = upload.File.Content.LongLength,
            AltText = altText, CaptionsId = captionsId, UnitId = unitId, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedById = userId,
        };
        db.MediaFiles.Add(media);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (media, false);
        }
        catch (DbUpdateException)
        {
            // Someone uploaded the same bytes at the same moment: the unique (unit, hash) index kept one row.
            db.Entry(media).State = EntityState.Detached;
            if (await FindAsync(unitId, sha256, cancellationToken) is { } raced) return (raced, true);
            throw;
        }
    }

    private Task<MediaFile?> FindAsync(int unitId, string sha256, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.UnitId == unitId && m.Sha256 == sha256, cancellationToken);

    private static string LastSegment(string name) => name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
}
