using System.Security.Cryptography;
using System.Text;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace IQLearning.Web.Features.Certificates.Issuing;

/// <summary>Who may receive a certificate besides the learner, and why (GDPR Art. 6: the basis is stored with each delivery).</summary>
public static class LawfulBasis
{
    /// <summary>The learner consented that this organization receives their certificates, and has not withdrawn it.</summary>
    public const string Consent = "consent";
    /// <summary>The organization assigned the course (employer-enrolled training); it needs the proof.</summary>
    public const string Assignment = "assignment";
}

public static class RecipientKinds
{
    public const string Learner = "learner";
    public const string Organization = "organization";
}

/// <summary>
/// Queues the certificate mails through the outbox: always to the learner (with the PDF), and to the certificate
/// recipients of the learner's organizations only where a lawful basis exists — an active consent for that
/// organization, or an assignment of that organization behind the enrollment. Nothing else opens the door.
/// </summary>
public sealed class DeliverCertificate(AppDbContext db, MailOutbox outbox, CertificateMails mails, TimeProvider clock)
{
    /// <summary>
    /// The organizations that receive the learner's certificates, with their lawful basis. This needs nothing of the
    /// certificate itself, so issuing reads it while the credential is signed.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationRecipient>> RecipientsAsync(CertificateRequest request, CancellationToken cancellationToken) =>
        request.UserId is null
            ? [] // a person without an account belongs to no organization
            : await OrganizationsWithBasisAsync(request.UserId, request.AssignmentId, cancellationToken);

    /// <summary>Queues the learner's mail and one for each address of <paramref name="organizations"/>, with one outbox look-up for all.</summary>
    public async Task QueueAsync(IssuedCertificate certificate, CertificateRequest request, IReadOnlyList<OrganizationRecipient> organizations,
        CancellationToken cancellationToken)
    {
        var planned = new List<PlannedDelivery>();
        Plan(planned, certificate, RecipientKinds.Learner, null, request.HolderEmail, null,
            address => mails.ToLearner(certificate, address, request.MailLanguage));
        foreach (var recipient in organizations)
        foreach (var address in Addresses(recipient.Recipients))
            Plan(planned, certificate, RecipientKinds.Organization, recipient.OrganizationId, address, recipient.Basis,
                to => mails.ToOrganization(certificate, to, recipient.AttachPdf, recipient.Basis));

        var messages = await outbox.AddRangeAsync([.. planned.Select(p => p.Mail)], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < planned.Count; i++)
        {
            var delivery = planned[i].Delivery;
            (delivery.OutboxMessageId, delivery.CreatedAt) = (messages[i]?.Id, now);
            db.CertificateDeliveries.Add(delivery);
        }
    }

    private void Plan(List<PlannedDelivery> planned, IssuedCertificate certificate, string kind, int? organizationId, string address,
        string? basis, Func<string, OutgoingMail> write)
    {
        // One mail per address, also when two organizations share an address or the learner is also a recipient.
        var normalized = address.Trim().ToLowerInvariant();
        if (planned.Any(p => p.Delivery.Address == normalized) ||
            db.CertificateDeliveries.Local.Any(d => d.CertificateId == certificate.Id && d.Address == normalized)) return;
        var delivery = new CertificateDelivery
        {
            CertificateId = certificate.Id, RecipientKind = kind, OrganizationId = organizationId, Address = normalized, LawfulBasis = basis,
        };
        planned.Add(new PlannedDelivery(write(address) with { DeduplicationKey = DeduplicationKey(certificate.Id, kind, normalized) }, delivery));
    }

    private async Task<IReadOnlyList<OrganizationRecipient>> OrganizationsWithBasisAsync(
        string userId, int? assignmentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organizations = await db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (_, o) => o)
            .Where(o => o.CertificateRecipients != "")
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.CertificateRecipients, o.AttachPdfToRecipientMail })
            .ToListAsync(cancellationToken);
        if (organizations.Count == 0) return [];

        var assigningOrganization = assignmentId is null ? null : await db.Assignments.AsNoTracking()
            .Where(a => a.Id == assignmentId).Select(a => (int?)a.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        var consenting = await db.CertificateConsents.AsNoTracking()
            .Where(c => c.UserId == userId && c.GivenAt <= now && (c.WithdrawnAt == null || c.WithdrawnAt > now))
            .Select(c => c.OrganizationId).ToListAsync(cancellationToken);

        var recipients = new List<OrganizationRecipient>();
        foreach (var o in organizations)
        {
            var basis = o.Id == assigningOrganization ? LawfulBasis.Assignment
                : consenting.Contains(o.Id) ? LawfulBasis.Consent
                : null;
            if (basis is not null) recipients.Add(new OrganizationRecipient(o.Id, o.CertificateRecipients, o.AttachPdfToRecipientMail, basis));
        }
        return recipients;
    }

    /// <summary>The addresses of <see cref="Organizations.Model.Organization.CertificateRecipients"/>: one a line, invalid ones skipped.</summary>
    internal static IEnumerable<string> Addresses(string lines) =>
        lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => MailboxAddress.TryParse(a, out var parsed) && parsed.Address == a && a.Contains('@'))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    // The outbox key is at most 200 characters; an address may be 320, so the address goes in as a hash.
    private static string DeduplicationKey(int certificateId, string kind, string address) =>
        kind == RecipientKinds.Learner
            ? $"certificate:{certificateId}:learner"
            : $"certificate:{certificateId}:recipient:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..32]}";

    private sealed record PlannedDelivery(OutgoingMail Mail, CertificateDelivery Delivery);
}

/// <summary>An organization that receives a learner's certificate: its recipient addresses (one a line), and why it may.</summary>
public sealed record OrganizationRecipient(int OrganizationId, string Recipients, bool AttachPdf, string Basis);
