using IQLearning.Web.Data;

namespace IQLearning.Web.Features.Audit;

/// <summary>
/// Adds audit events to the current DbContext, so an event is stored in the same transaction as what it records.
/// There is deliberately no way to change or remove an event here; the database refuses it too (see the migration).
/// </summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string action, string? actorId, string? subject = null, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorId = actorId,
            Subject = subject,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    /// <summary>Records and saves at once, for events that have no other change to ride along with.</summary>
    public async Task RecordNowAsync(string action, string? actorId, string? subject = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Record(action, actorId, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
