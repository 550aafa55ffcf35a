using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Issuing;

namespace IQLearning.Web.Features.Certificates.Web;

public sealed class BulkIssueForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Certificates.Field.Course")]
    public int? CourseItemId { get; set; }

    [Display(Name = "Certificates.Field.CsvFile")]
    public IFormFile? File { get; set; }
}

public sealed record BulkIssuePage(BulkIssueForm Form, IReadOnlyList<CourseOption> Courses, BulkIssueResult? Result = null);

/// <summary>Either every row was issued (<see cref="IssuedNumbers"/>), or nothing was and <see cref="Errors"/> says why, row by row.</summary>
public sealed record BulkIssueResult(IReadOnlyList<BulkRowError> Errors, IReadOnlyList<string> IssuedNumbers)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Issues certificates for a list of people (CSV <c>email,name</c>) for one course: all rows are validated first, then
/// all are issued in one transaction — a list with one bad row stores nothing, so it can be fixed and sent again
/// without creating doubles.
/// </summary>
public sealed class BulkIssue(AppDbContext db, IssueCertificate issue, IssueManually people, TimeProvider clock)
{
    public const long MaxFileBytes = 1024 * 1024;

    public async Task<BulkIssueResult> IssueAsync(BulkIssueForm form, string officerId, CancellationToken cancellationToken)
    {
        if (form.File is not { Length: > 0 and <= MaxFileBytes } file)
            return Failed(new BulkRowError(0, form.File is null || form.File.Length == 0 ? "Certificates.Bulk.Error.NoFile" : "Certificates.Bulk.Error.FileTooLarge"));
        if (await people.PublishedVersionAsync(form.CourseItemId!.Value, cancellationToken) is not { } versionId)
            return Failed(new BulkRowError(0, "Certificates.Bulk.Error.Course"));

        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            text = await reader.ReadToEndAsync(cancellationToken);
        var (rows, errors) = CertificateCsv.Read(text);
        if (errors.Count > 0) return new BulkIssueResult(errors, []);

        var issuedAt = clock.GetUtcNow().UtcDateTime;
        var numbers = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            var person = await people.PersonAsync(row.Email, cancellationToken);
            var certificate = await issue.IssueAsync(new CertificateRequest(
                row.Name, row.Email, person?.Id, form.CourseItemId.Value, versionId, person?.Language ?? "de",
                IssueReasons.Bulk, officerId, issuedAt), cancellationToken);
            numbers.Add(certificate!.Number); // without an enrollment there is nothing to be a duplicate of
        }
        await transaction.CommitAsync(cancellationToken);
        return new BulkIssueResult([], numbers);
    }

    private static BulkIssueResult Failed(BulkRowError error) => new([error], []);
}
