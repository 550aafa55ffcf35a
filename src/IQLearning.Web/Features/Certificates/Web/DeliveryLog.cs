using Hangfire;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

/// <summary>One certificate mail; its state (status, attempts, last error, sent at, Message-Id) is the outbox row's.</summary>
public sealed record DeliveryRow(
    int Id, int CertificateId, string Number, string RecipientKind, string Address, string? LawfulBasis, DateTime CreatedAt,
    Guid? OutboxMessageId, OutboxStatus? Status, int Attempts, string? LastError, DateTime? SentAt, string? MessageId);

public enum ResendOutcome { Queued, NotFound, Busy, NoLongerLawful }

/// <summary>The log of certificate mails, and "send again", which re-queues the same outbox row (same Message-Id).</summary>
public sealed class DeliveryLog(AppDbContext db, OutboxDispatcher dispatcher, IBackgroundJobClient jobs, TimeProvider clock, ILogger<DeliveryLog> logger)
{
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<DeliveryRow>> ListAsync(int? certificateId, CancellationToken cancellationToken)
    {
        var deliveries = db.CertificateDeliveries.AsNoTracking();
        if (certificateId is { } id) deliveries = deliveries.Where(d => d.CertificateId == id);
        return await (
            from d in deliveries
            join c in db.Certificates on d.CertificateId equals c.Id
            from m in db.OutboxMessages.Where(m => m.Id == d.OutboxMessageId).DefaultIfEmpty()
            orderby d.CreatedAt descending, d.Id descending
            select new DeliveryRow(d.Id, c.Id, c.Number, d.RecipientKind, d.Address, d.LawfulBasis, d.CreatedAt, d.OutboxMessageId,
                m == null ? (OutboxStatus?)null : m.Status, m == null ? 0 : m.Attempts, m == null ? null : m.LastError, m == null ? null : m.SentAt,
                m == null ? null : m.MessageId))
            .Take(MaxRows).ToListAsync(cancellationToken);
    }

    public async Task<ResendOutcome> ResendAsync(int deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.CertificateDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery?.OutboxMessageId is not { } messageId) return ResendOutcome.NotFound;
        // Sending again is a new disclosure: an organization gets it only while the lawful basis still holds.
        if (delivery.RecipientKind == RecipientKinds.Organization && !await StillLawfulAsync(delivery, cancellationToken))
            return ResendOutcome.NoLongerLawful;
        if (!await dispatcher.RequeueAsync(messageId, cancellationToken)) return ResendOutcome.Busy;
        try { jobs.Enqueue<OutboxDispatcher>(d => d.DeliverAsync(messageId, CancellationToken.None)); }
        catch (Exception e) { logger.LogWarning(e, "Could not start the send job for mail {MessageId}; the sweep will send it.", messageId); }
        return ResendOutcome.Queued;
    }

    private async Task<bool> StillLawfulAsync(Model.CertificateDelivery delivery, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.Id == delivery.CertificateId)
            .Select(c => new { c.UserId, c.EnrollmentId }).SingleAsync(cancellationToken);
        if (certificate.UserId is not { } userId || delivery.OrganizationId is not { } organizationId) return false;
        if (!await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, cancellationToken)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        return delivery.LawfulBasis switch
        {
            LawfulBasis.Consent => await db.CertificateConsents.AnyAsync(c => c.UserId == userId && c.OrganizationId == organizationId
                && c.GivenAt <= now && (c.WithdrawnAt == null || c.WithdrawnAt > now), cancellationToken),
            LawfulBasis.Assignment => await db.Enrollments.Where(e => e.Id == certificate.EnrollmentId)
                .Join(db.Assignments, e => e.AssignmentId, a => a.Id, (_, a) => a.OrganizationId)
                .AnyAsync(o => o == organizationId, cancellationToken),
            _ => false,
        };
    }
}
