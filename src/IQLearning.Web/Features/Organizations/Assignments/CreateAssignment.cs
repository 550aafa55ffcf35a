using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations.Assignments;

public sealed class AssignmentForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Organizations.Field.Course")]
    public int? CourseItemId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Date), Display(Name = "Organizations.Field.DueDate")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "Organizations.Field.Mandatory")]
    public bool Mandatory { get; set; } = true;

    [Range(1, 120, ErrorMessage = "Organizations.Error.RecurrenceRange"), Display(Name = "Organizations.Field.RecurrenceMonths")]
    public int? RecurrenceMonths { get; set; }

    [Display(Name = "Organizations.Field.AllMembers")]
    public bool AllMembers { get; set; } = true;

    public List<string> UserIds { get; set; } = [];
}

/// <summary>A manager assigns a published course to chosen members or to all; each gets (or keeps) an enrollment.</summary>
public sealed class CreateAssignment(AppDbContext db, AssignmentEnrollments enrollments, TimeProvider clock, IStringLocalizer<CreateAssignment> t)
{
    /// <returns>The number of members enrolled, or null when the form has errors.</returns>
    public async Task<int?> RunAsync(ManagedOrganization organization, AssignmentForm form, string managerId,
        ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (form.DueDate is { } due && due < today)
            errors.AddModelError(nameof(form.DueDate), t["Organizations.Error.DueInPast"]);
        if (form.CourseItemId is { } courseId && !await db.ContentItems.AnyAsync(c =>
                c.Id == courseId && c.Kind == ContentKind.Course && !c.Archived && c.PublishedVersionId != null, cancellationToken))
            errors.AddModelError(nameof(form.CourseItemId), t["Organizations.Error.CourseUnknown"]);
        // Without names (aggregate-only mode) nobody can be chosen, so the assignment goes to all members.
        var allMembers = form.AllMembers || organization.AggregateOnly;
        var chosen = form.UserIds.Distinct().ToList();
        var members = allMembers
            ? await db.OrganizationMembers.Where(m => m.OrganizationId == organization.Id).Select(m => m.UserId).ToListAsync(cancellationToken)
            : await MembersAmongAsync(organization.Id, chosen, cancellationToken);
        if (!allMembers && (members.Count == 0 || members.Count != chosen.Count))
            errors.AddModelError(nameof(form.UserIds), t["Organizations.Error.ChooseMembers"]);
        if (!errors.IsValid) return null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var assignment = new Assignment
        {
            OrganizationId = organization.Id, CourseItemId = form.CourseItemId!.Value,
            DueAt = form.DueDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Mandatory = form.Mandatory, RecurrenceMonths = form.RecurrenceMonths, AllMembers = allMembers,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = managerId,
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        var count = await enrollments.ApplyAsync(assignment, members, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private async Task<List<string>> MembersAmongAsync(int organizationId, List<string> userIds, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var chunk in userIds.Chunk(500))
            found.AddRange(await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && chunk.Contains(m.UserId))
                .Select(m => m.UserId).ToListAsync(cancellationToken));
        return found;
    }
}
