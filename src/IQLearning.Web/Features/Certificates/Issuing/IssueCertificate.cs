using System.Text.Json;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Issuing;

/// <summary>How a certificate came about (stored in <see cref="IssuedCertificate.IssuedBy"/>).</summary>
public static class IssueReasons
{
    public const string Completion = "completion";
    public const string Manual = "manual";
    public const string Bulk = "bulk";
}

/// <summary>Whom to certify for which course version, and who asked for it.</summary>
/// <param name="HolderEmail">Gets the certificate by mail; its salted hash identifies the holder in the Open Badge.</param>
/// <param name="MailLanguage">"de" or "en": the language of the learner's mail.</param>
/// <param name="AssignmentId">The organization assignment behind the enrollment: a lawful basis for telling that organization.</param>
public sealed record CertificateRequest(
    string HolderName, string HolderEmail, string? UserId, int CourseItemId, int CourseVersionId, string MailLanguage,
    string IssuedBy, string? IssuedById, DateTime IssuedAt, int? EnrollmentId = null, int? AssignmentId = null);

/// <summary>
/// Issues one certificate: freezes the snapshot, renders and hashes the PDF, builds and signs the Open Badge, stores it,
/// and queues the mails — all in the caller's transaction (or one of its own), so either everything happens or nothing.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, IssuerSigningKeys keys, PublicLinks links, DeliverCertificate deliveries)
{
    private const int NumberAttempts = 5;
    private static readonly CertificatePdfRenderer Renderer = new();
    private static readonly OpenBadgeCredentialBuilder Badges = new();
    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web); // as ContentMetadata writes it

    /// <summary>
    /// The issued certificate, or null when this completion already has one (a repeated completion is a no-op). A completion
    /// is the enrollment plus the time it was completed, so a recertification cycle of the same enrollment gets a new one.
    /// </summary>
    public async Task<IssuedCertificate?> IssueAsync(CertificateRequest request, CancellationToken cancellationToken)
    {
        // Whole seconds: every database keeps them exactly, so the completion key compares equal after a round trip.
        request = request with { IssuedAt = new DateTime(request.IssuedAt.Ticks - request.IssuedAt.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc) };
        if (await AlreadyIssuedAsync(request, cancellationToken)) return null;
        var course = await CourseAsync(request, cancellationToken);

        // Who else receives the certificate needs nothing of it, so it is read while the credential is signed.
        IReadOnlyList<OrganizationRecipient> organizations = [];
        var built = await BuildAsync(request, course, async () => organizations = await deliveries.RecipientsAsync(request, cancellationToken));

        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var certificate = await StoreAsync(request, course, built, cancellationToken);
        if (certificate is null) return null;
        await deliveries.QueueAsync(certificate, request, organizations, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
        return certificate;
    }

    private async Task<IssuedCertificate?> StoreAsync(CertificateRequest request, IssuedCourse course, IssuedCertificate certificate,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.Certificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return certificate;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // A unique index said no. SaveChanges rolled back to its savepoint; forget our row and find out which one.
                db.Entry(certificate).State = EntityState.Detached;
                if (await AlreadyIssuedAsync(request, cancellationToken))
                    return null; // a concurrent run for the same completion won the race
                if (!await db.Certificates.AnyAsync(c => c.Number == certificate.Number, cancellationToken))
                    throw; // not a collision of ours: let the caller see it
                certificate = await BuildAsync(request, course); // a new number means a new PDF and a new signature
            }
        }
    }

    private Task<bool> AlreadyIssuedAsync(CertificateRequest request, CancellationToken cancellationToken) =>
        request.EnrollmentId is { } enrollmentId
            ? db.Certificates.AnyAsync(c => c.EnrollmentId == enrollmentId && c.IssuedAt == request.IssuedAt, cancellationToken)
            : Task.FromResult(false);

    /// <summary>
    /// Signs the credential on a pool thread while this one does <paramref name="meanwhile"/> and renders the PDF: the two
    /// are most of an issue and independent of each other, so with a second core free an issue takes about as long as the
    /// PDF alone. That shortens an issue; it saves no CPU.
    /// </summary>
    private async Task<IssuedCertificate> BuildAsync(CertificateRequest request, IssuedCourse course, Func<Task>? meanwhile = null)
    {
        var snapshot = Snapshot(request, course);
        var issuer = new BadgeIssuer(new Uri(links.Absolute("/issuers/" + course.UnitSlug)), course.UnitName, new Uri(links.Absolute("/")));
        var recipient = BadgeRecipient.WithHashedEmail(request.HolderEmail, BadgeRecipient.NewSalt());
        var achievement = new Uri(links.Absolute($"/courses/{course.Slug}#{course.VersionLabel}"));
        var signer = new VcJwtSigner(keys.Current);
        var signing = Task.Run(() => signer.Sign(Badges.Build(snapshot, issuer, recipient, achievement), SigningAlgorithm.RS256));
        if (meanwhile is not null) await meanwhile();
        var pdf = Renderer.Render(snapshot);
        return Certificate(request, snapshot, pdf, await signing);
    }

    private static IssuedCertificate Certificate(CertificateRequest request, CertificateSnapshot snapshot, RenderedCertificate pdf, string jwt) =>
        new()
        {
            Number = snapshot.Number.Value,
            UserId = request.UserId,
            EnrollmentId = request.EnrollmentId,
            CourseItemId = request.CourseItemId,
            CourseVersionId = request.CourseVersionId,
            HolderName = snapshot.HolderName,
            CourseTitle = snapshot.CourseTitle,
            CourseVersionLabel = snapshot.CourseVersion,
            Hours = snapshot.Hours,
            OutcomesJson = JsonSerializer.Serialize(snapshot.LearningOutcomes),
            IssuingUnit = snapshot.IssuingUnit,
            Language = snapshot.Language == CertificateLanguage.En ? "en" : "de",
            IssuedAt = snapshot.IssuedAt.UtcDateTime,
            ExpiresAt = snapshot.ValidUntil?.UtcDateTime,
            VerificationUrl = snapshot.VerificationUrl.AbsoluteUri,
            Pdf = pdf.Pdf,
            PdfSha256 = pdf.Sha256,
            CredentialJwt = jwt,
            IssuedBy = request.IssuedBy,
            IssuedById = request.IssuedById,
        };

    private CertificateSnapshot Snapshot(CertificateRequest request, IssuedCourse course)
    {
        var issuedAt = GermanTime.Of(request.IssuedAt);
        DateTimeOffset? validUntil = course.ValidityMonths > 0 ? GermanTime.AddMonths(issuedAt, course.ValidityMonths) : null;
        var number = CertificateNumber.New(issuedAt.Year);
        return new CertificateSnapshot(
            request.HolderName.Trim(), course.Title, course.VersionLabel, course.Hours, course.Outcomes, course.UnitName,
            issuedAt, validUntil, number, new Uri(links.Absolute("/verify/" + number.Value)),
            course.Language == "en" ? CertificateLanguage.En : CertificateLanguage.De);
    }

    private async Task<IssuedCourse> CourseAsync(CertificateRequest request, CancellationToken cancellationToken)
    {
        var version = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Id == request.CourseVersionId && v.ContentItemId == request.CourseItemId && v.Item!.Kind == ContentKind.Course)
            .Select(v => new { v.Title, v.Number, v.MetadataJson, v.Item!.Slug, v.Item.Language, UnitSlug = v.Item.Unit!.Slug, UnitName = v.Item.Unit.Name })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Course version {request.CourseVersionId} of course {request.CourseItemId} does not exist.");
        var metadata = JsonSerializer.Deserialize<CourseMetadata>(version.MetadataJson, MetadataJson)
            ?? throw new InvalidDataException($"Course version {request.CourseVersionId} has no course metadata.");
        return new IssuedCourse(version.Title, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), version.Slug, version.Language, version.UnitSlug, version.UnitName,
            Math.Round(metadata.DurationMinutes / 60m, 2), metadata.Outcomes, metadata.ValidityMonths);
    }

    private sealed record IssuedCourse(
        string Title, string VersionLabel, string Slug, string Language, string UnitSlug, string UnitName,
        decimal Hours, IReadOnlyList<string> Outcomes, int ValidityMonths);
}

/// <summary>Certificates show German civil time: the day of issue is the day in Germany, not in UTC.</summary>
public static class GermanTime
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset Of(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>The same wall-clock time months later, with the offset that holds then (summer or winter time).</summary>
    public static DateTimeOffset AddMonths(DateTimeOffset local, int months)
    {
        var later = local.DateTime.AddMonths(months);
        return new DateTimeOffset(later, Zone.GetUtcOffset(later));
    }
}
