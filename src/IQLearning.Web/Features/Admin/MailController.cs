using IQLearning.Web.Data;
using IQLearning.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Admin;

public sealed record OutboxRow(Guid Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt, string? LastError);
public sealed record MailOverview(bool UsesSmtp, string PickupDirectory, IReadOnlyList<OutboxRow> Messages, IReadOnlyList<FileInfo> Files);

/// <summary>The outbox with each message's state, the .eml files of the pickup folder, and "send again".</summary>
[Authorize(Policy = Policies.Administrators), Route("admin/mail")]
public sealed class MailController(AppDbContext db, MailPickupDirectory pickup, IOptions<MailOptions> options, OutboxDispatcher dispatcher) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new OutboxRow(m.Id, m.ToAddress, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync();
        return View(new MailOverview(options.Value.UsesSmtp, pickup.Path, messages, pickup.Files().Take(200).ToList()));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Message(Guid id)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        return message is null ? NotFound() : View(message);
    }

    [HttpPost("{id:guid}/resend")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken cancellationToken)
    {
        if (!await dispatcher.RequeueAsync(id, cancellationToken)) return NotFound();
        await dispatcher.DeliverAsync(id, cancellationToken);
        return RedirectToAction(nameof(Message), new { id });
    }

    /// <summary>Downloads one .eml file; only names that the folder listing returns are served.</summary>
    [HttpGet("files/{name}")]
    public IActionResult File(string name)
    {
        var file = pickup.Files().FirstOrDefault(f => f.Name == name);
        return file is null ? NotFound() : PhysicalFile(file.FullName, "message/rfc822", file.Name);
    }
}
