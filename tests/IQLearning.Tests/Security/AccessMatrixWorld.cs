using System.Net;
using System.Text.RegularExpressions;
using IQLearning.Tests.Features.Authoring;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Assessments.SelfAssessment;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>
/// Two of everything, seeded once: organizations A and B with a manager and a learner each, specialist units A and B
/// with an author and a reviewer each and a submitted draft each, and for each learner an enrolment, a quiz attempt,
/// a scenario run, a self-assessment result, a certificate, a consent and media of their side's unit. The actors
/// (one per role, all on side A, signed in once) try the ids of side A ("own") and of side B ("other").
/// </summary>
public sealed partial class AccessMatrixWorld : IAsyncLifetime
{
    public static readonly string[] Actors = ["anonymous", "learner", "manager", "author", "reviewer", "administrator"];

    public CurriculumSite Site { get; } = new();
    public IReadOnlyDictionary<string, SiteClient> Clients { get; private set; } = null!;
    /// <summary>Placeholder → id, for side A ("own") and side B ("other").</summary>
    public IReadOnlyDictionary<string, string> Own { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Other { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var authoring = new AuthoringWorld(Site);
        var a = await SideAsync(authoring, "A");
        var b = await SideAsync(authoring, "B");
        var administrator = await TestAccounts.CreateAsync(Site, Roles.Administrator);
        Own = a.Ids;
        Other = b.Ids;

        var clients = new Dictionary<string, SiteClient> { ["anonymous"] = SiteClient.For(Site) };
        clients["learner"] = a.LearnerClient;
        clients["manager"] = await TestAccounts.SignedInAsync(Site, a.Manager);
        clients["author"] = await TestAccounts.SignedInAsync(Site, a.Author);
        clients["reviewer"] = await TestAccounts.SignedInAsync(Site, a.Reviewer);
        clients["administrator"] = await TestAccounts.SignedInAsync(Site, administrator);
        b.LearnerClient.Dispose();
        Clients = clients;
    }

    private sealed record Side(Dictionary<string, string> Ids, SiteClient LearnerClient, ApplicationUser Manager, ApplicationUser Author, ApplicationUser Reviewer);

    private async Task<Side> SideAsync(AuthoringWorld authoring, string name)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var organization = new Organization { Name = "Organisation " + name, CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var manager = await TestAccounts.CreateAsync(Site, Roles.Manager);
        var learner = await TestAccounts.CreateAsync(Site, Roles.Learner);
        foreach (var (user, role) in new[] { (manager, MemberRole.Manager), (learner, MemberRole.Member) })
            await scope.ServiceProvider.GetRequiredService<AddMember>().AddAsync(organization.Id, (await users.FindByIdAsync(user.Id))!, role, CancellationToken.None);
        var invitation = new Invitation { OrganizationId = organization.Id, Email = $"invited-{name}@example.org", TokenHash = new string('a', 63) + name, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14) };
        db.Invitations.Add(invitation);
        db.CertificateConsents.Add(new CertificateConsent { OrganizationId = organization.Id, UserId = learner.Id, GivenAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var unit = await authoring.UnitAsync("Fachstelle " + name);
        var author = await authoring.MemberAsync(unit, Roles.Author);
        var reviewer = await authoring.MemberAsync(unit, Roles.Reviewer);
        var draft = await authoring.DraftAsync(author, unit, "Entwurf " + name);
        await authoring.SubmitAsync(author, draft.Id);
        var media = new MediaFile { Sha256 = new string('c', 63) + name.ToLowerInvariant(), FileName = $"bild-{name}.png", ContentType = "image/png", Length = 3, UnitId = unit, UploadedAt = DateTime.UtcNow, UploadedById = author.Id };
        db.MediaFiles.Add(media);

        var published = db.ContentItems.Where(i => i.PublishedVersionId != null).OrderBy(i => i.Id);
        var course = await published.FirstAsync(i => i.Kind == ContentKind.Course);
        var quiz = await published.FirstAsync(i => i.Kind == ContentKind.Assessment);
        var scenario = await published.FirstAsync(i => i.Kind == ContentKind.Scenario);
        var certificate = new IssuedCertificate
        {
            Number = $"IQ-2026-SIDE-000{name[0] - 'A' + 1}", UserId = learner.Id, CourseItemId = course.Id, CourseVersionId = course.PublishedVersionId!.Value,
            HolderName = "Learner " + name, CourseTitle = "Kurs", CourseVersionLabel = "1", IssuingUnit = "Fachstelle", Language = "de", IssuedAt = DateTime.UtcNow,
            VerificationUrl = "https://iqlearning.test/v", Pdf = [37, 80, 68, 70], PdfSha256 = new string('b', 64), IssuedBy = "manual",
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();

        var client = await TestAccounts.SignedInAsync(Site, learner);
        var enrolled = await client.PostFromPageAsync($"/courses/{course.Slug}", $"/learn/enrol/{course.Id}");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var lesson = (await client.Http.GetAsync($"/learn/{course.Slug}")).Headers.Location!.OriginalString.Split('/').Last();
        var enrollment = await db.Enrollments.Where(e => e.UserId == learner.Id).Select(e => e.Id).SingleAsync();
        var attempt = await ForgedIdWorld.CreatedIdAsync(client.PostFromPageAsync($"/quiz/{quiz.Id}", $"/quiz/{quiz.Id}/attempts"), ForgedIdWorld.AttemptId());
        var run = await ForgedIdWorld.CreatedIdAsync(client.PostFromPageAsync($"/scenario/{scenario.Id}", $"/scenario/{scenario.Id}/runs"), ForgedIdWorld.RunId());
        var instrument = InstrumentReader.Read(ForgedIdWorld.InstrumentSlug + ".yml",
            await File.ReadAllTextAsync(Path.Combine(SiteFactory.ShippedContent, "self-assessments", ForgedIdWorld.InstrumentSlug + ".yml"))).Instrument!;
        var result = await ForgedIdWorld.CreatedIdAsync(client.SubmitAsync($"/self-assessment/{ForgedIdWorld.InstrumentSlug}", $"/self-assessment/{ForgedIdWorld.InstrumentSlug}",
            instrument.Items.ToDictionary(i => TakeSelfAssessment.ItemPrefix + i.Id, _ => "3")), ForgedIdWorld.ResultId());

        var ids = new Dictionary<string, string>
        {
            ["org"] = organization.Id.ToString(), ["invitation"] = invitation.Id.ToString(), ["member"] = learner.Id, ["user"] = learner.Id,
            ["unit"] = unit.ToString(), ["item"] = draft.ContentItemId.ToString(), ["version"] = draft.Id.ToString(), ["media"] = media.Id.ToString(),
            ["mediaName"] = media.FileName, ["course"] = course.Id.ToString(), ["courseSlug"] = course.Slug, ["lesson"] = lesson,
            ["enrollment"] = enrollment.ToString(), ["quiz"] = quiz.Id.ToString(), ["attempt"] = attempt, ["scenario"] = scenario.Id.ToString(),
            ["run"] = run, ["slug"] = ForgedIdWorld.InstrumentSlug, ["result"] = result, ["certificate"] = certificate.Id.ToString(),
            ["certificateNumber"] = certificate.Number,
        };
        return new Side(ids, client, manager, author, reviewer);
    }

    /// <summary>The URL of a template such as <c>/organizations/{org}/members</c> with the ids of one side.</summary>
    public string Url(string template, bool own) => Placeholder().Replace(template, m => (own ? Own : Other)[m.Groups[1].Value]);

    /// <summary>Everything a refused request could have changed, as one string to compare before and after.</summary>
    public async Task<string> StateAsync()
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parts = new List<string>();
        parts.AddRange(await db.OrganizationMembers.OrderBy(m => m.OrganizationId).ThenBy(m => m.UserId).Select(m => m.OrganizationId + m.UserId + m.Role).ToListAsync());
        parts.AddRange(await db.Invitations.OrderBy(i => i.Id).Select(i => i.Id + i.Email + i.AcceptedAt).ToListAsync());
        parts.AddRange(await db.Assignments.OrderBy(a => a.Id).Select(a => a.Id + " " + a.OrganizationId + " " + a.CourseItemId).ToListAsync());
        parts.AddRange(await db.ContentItems.OrderBy(i => i.Id).Select(i => i.Id + " " + i.Archived + i.PublishedVersionId + " " + i.LatestVersionId).ToListAsync());
        parts.AddRange(await db.ContentVersions.OrderBy(v => v.Id).Select(v => v.Id + " " + v.Status + v.Body.Length).ToListAsync());
        parts.AddRange(await db.UnitMemberships.OrderBy(m => m.UnitId).ThenBy(m => m.UserId).Select(m => m.UnitId + m.UserId).ToListAsync());
        parts.AddRange(await db.MediaFiles.OrderBy(m => m.Id).Select(m => m.Id + m.FileName + m.AltText).ToListAsync());
        parts.AddRange(await db.Enrollments.OrderBy(e => e.Id).Select(e => e.Id + " " + e.Status + e.CompletedAt).ToListAsync());
        parts.AddRange(await db.QuizAttempts.OrderBy(a => a.Id).Select(a => a.Id + a.Status.ToString() + a.AnswersJson + a.Revision + a.DeadlineAt).ToListAsync());
        parts.AddRange(await db.ScenarioRuns.OrderBy(r => r.Id).Select(r => r.Id + r.PathJson + r.FinishedAt).ToListAsync());
        parts.AddRange(await db.SelfAssessmentResults.OrderBy(r => r.Id).Select(r => r.Id.ToString()).ToListAsync());
        parts.AddRange(await db.Certificates.OrderBy(c => c.Id).Select(c => c.Id + c.Number + c.RevokedAt).ToListAsync());
        parts.AddRange(await db.CertificateConsents.OrderBy(c => c.Id).Select(c => c.Id + " " + c.WithdrawnAt).ToListAsync());
        parts.AddRange(await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id + o.Name).ToListAsync());
        parts.AddRange(await db.SpecialistUnits.OrderBy(u => u.Id).Select(u => u.Id + u.Name).ToListAsync());
        parts.AddRange(await db.Users.OrderBy(u => u.Id).Select(u => u.Id + u.Email + u.LockoutEnd + u.TwoFactorEnabled).ToListAsync());
        parts.AddRange(await db.UserRoles.OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => r.UserId + r.RoleId).ToListAsync());
        return string.Join("\n", parts);
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients?.Values ?? []) client.Dispose();
        Site.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{(\w+)\}")] private static partial Regex Placeholder();
}
