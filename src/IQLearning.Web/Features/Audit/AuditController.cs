using IQLearning.Web.Data;
using IQLearning.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Audit;

public sealed record AuditRow(DateTime At, string Action, string? Actor, string? Subject, string? Detail, string? IpAddress);
public sealed record AuditPage(string? Event, string? Actor, DateOnly? From, DateOnly? To, int Page, bool HasMore, IReadOnlyList<AuditRow> Rows);

/// <summary>Administrators read and filter the audit log; nothing here changes it.</summary>
[Authorize(Policy = Policies.Administrators), Route("admin/audit")]
public sealed class AuditController(AppDbContext db) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "event")] string? eventName, string? actor, DateOnly? from, DateOnly? to, int page = 1)
    {
        page = Math.Max(1, page);
        var query = db.AuditEvents.AsNoTracking();
        // The query key is "event": MVC reserves "action" for the route.
        if (!string.IsNullOrWhiteSpace(eventName)) query = query.Where(e => e.Action.StartsWith(eventName.Trim()));
        if (from is { } start) query = query.Where(e => e.At >= start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (to is { } end) query = query.Where(e => e.At < end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (!string.IsNullOrWhiteSpace(actor))
        {
            var term = actor.Trim().ToUpperInvariant();
            var ids = db.Users.Where(u => u.NormalizedEmail!.Contains(term)).Select(u => u.Id);
            query = query.Where(e => e.ActorId != null && ids.Contains(e.ActorId));
        }
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new AuditRow(e.At, e.Action, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.Email).FirstOrDefault() ?? e.ActorId,
                e.Subject, e.Detail, e.IpAddress))
            .ToListAsync();
        return View(new AuditPage(eventName, actor, from, to, page, rows.Count > PageSize, rows.Take(PageSize).ToList()));
    }
}
