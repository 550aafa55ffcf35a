using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Organizations;

public sealed class OrganizationForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Organizations.Field.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Organizations.Field.Kind")]
    public OrganizationKind Kind { get; set; }

    [Display(Name = "Organizations.Field.RegionalNetwork")]
    public int? RegionalNetworkId { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organizations.Field.CertificateRecipients")]
    public string? CertificateRecipients { get; set; }

    [Display(Name = "Organizations.Field.AttachPdf")]
    public bool AttachPdfToRecipientMail { get; set; }

    [Display(Name = "Organizations.Field.AggregateOnly")]
    public bool AggregateOnly { get; set; }
}

public sealed record NetworkChoice(int Id, string Name);

public sealed record OrganizationEditPage(OrganizationForm Form, IReadOnlyList<NetworkChoice> Networks);

/// <summary>Administrators create and edit organizations and their settings.</summary>
public sealed class EditOrganization(AppDbContext db, TimeProvider clock, IStringLocalizer<EditOrganization> t)
{
    public async Task<OrganizationEditPage?> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        var form = id is null ? new OrganizationForm() : await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganizationForm
            {
                Id = o.Id, Name = o.Name, Kind = o.Kind, RegionalNetworkId = o.RegionalNetworkId,
                CertificateRecipients = o.CertificateRecipients, AttachPdfToRecipientMail = o.AttachPdfToRecipientMail,
                AggregateOnly = o.AggregateOnly,
            }).FirstOrDefaultAsync(cancellationToken);
        return form is null ? null : await PageAsync(form, cancellationToken);
    }

    public async Task<OrganizationEditPage> PageAsync(OrganizationForm form, CancellationToken cancellationToken) =>
        new(form, await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.RegionalNetwork && o.Id != form.Id)
            .OrderBy(o => o.Name).Select(o => new NetworkChoice(o.Id, o.Name)).ToListAsync(cancellationToken));

    /// <summary>Validates and stores; returns the id, or null when the form has errors (added to <paramref name="errors"/>).</summary>
    public async Task<int?> SaveAsync(OrganizationForm form, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        var recipients = RecipientAddresses.Parse(form.CertificateRecipients);
        foreach (var bad in recipients.Invalid)
            errors.AddModelError(nameof(form.CertificateRecipients), t["Organizations.Error.RecipientInvalid", bad.Line]);
        if (form.RegionalNetworkId is { } networkId && (form.Kind == OrganizationKind.RegionalNetwork ||
            !await db.Organizations.AnyAsync(o => o.Id == networkId && o.Kind == OrganizationKind.RegionalNetwork && o.Id != form.Id, cancellationToken)))
            errors.AddModelError(nameof(form.RegionalNetworkId), t["Organizations.Error.NetworkInvalid"]);
        if (!errors.IsValid) return null;

        var organization = form.Id is { } id
            ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : db.Organizations.Add(new Organization { Name = "", CreatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
        if (organization is null) return null;
        organization.Name = form.Name.Trim();
        organization.Kind = form.Kind;
        organization.RegionalNetworkId = form.RegionalNetworkId;
        organization.CertificateRecipients = string.Join("\n", recipients.Valid);
        organization.AttachPdfToRecipientMail = form.AttachPdfToRecipientMail;
        organization.AggregateOnly = form.AggregateOnly;
        await db.SaveChangesAsync(cancellationToken);
        return organization.Id;
    }
}

/// <summary>The certificate recipients field: one address a line; blank lines are ignored, duplicates kept once.</summary>
public sealed record RecipientAddresses(IReadOnlyList<string> Valid, IReadOnlyList<(int Line, string Text)> Invalid)
{
    public static RecipientAddresses Parse(string? text)
    {
        var valid = new List<string>();
        var invalid = new List<(int, string)>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (!EmailAddresses.IsValid(line)) invalid.Add((i + 1, line));
            else if (!valid.Contains(line, StringComparer.OrdinalIgnoreCase)) valid.Add(line);
        }
        return new RecipientAddresses(valid, invalid);
    }
}
