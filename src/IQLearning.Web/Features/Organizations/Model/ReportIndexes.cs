using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IQLearning.Web.Features.Organizations.Model;

/// <summary>
/// Indexes on other features' tables that exist for this feature's reports and reminder jobs, kept here so they
/// change with the queries they serve (bench/organizations measures them).
/// </summary>
internal sealed class ReportIndexes : IEntityTypeConfiguration<Enrollment>, IEntityTypeConfiguration<IssuedCertificate>
{
    /// <summary>
    /// The dashboard's counts read every assignment enrollment of an organization (50,000 for 10,000 members × 5
    /// courses): with every column they need in the index, SQLite never touches the table rows, which lie spread over
    /// a million enrollments. Partial, so self-chosen enrollments (most of the table) do not grow it.
    /// </summary>
    public void Configure(EntityTypeBuilder<Enrollment> b) =>
        b.HasIndex(e => new { e.AssignmentId, e.Source, e.CourseItemId, e.Status, e.UserId, e.DueAt, e.CompletedAt, e.LastActivityAt },
                "IX_Enrollments_OrganizationReport")
            .HasFilter("\"AssignmentId\" IS NOT NULL");

    /// <summary>
    /// The newest certificate's validity per enrollment (dashboard status "expired"), read from the index alone; and
    /// the certificates expiring in the next weeks (expiry reminders) without reading all of them.
    /// </summary>
    public void Configure(EntityTypeBuilder<IssuedCertificate> b)
    {
        b.HasIndex(c => new { c.EnrollmentId, c.IssuedAt, c.RevokedAt, c.ExpiresAt }, "IX_Certificates_EnrollmentValidity");
        b.HasIndex(c => c.ExpiresAt, "IX_Certificates_ExpiresAt");
    }
}
