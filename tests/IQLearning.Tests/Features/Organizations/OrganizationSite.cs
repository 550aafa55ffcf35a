using System.Collections.Concurrent;
using System.Data.Common;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Reminders;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Organizations;

/// <summary>
/// The site seeded with the shipped curriculum, a clock the tests move, a fixed public base URL (reminder mails are
/// written by a job, outside any request) and a counter of the SQL commands each request path runs.
/// </summary>
public class OrganizationSite : SiteFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero));
    public SqlCommandCounter Commands { get; } = new();

    public OrganizationSite()
    {
        WithSetting("Content:SeedDirectory", ShippedContent);
        WithSetting("Site:PublicBaseUrl", "https://lernen.example.test");
        WithServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IInterceptor>(sp => Commands.With(sp.GetRequiredService<IHttpContextAccessor>()));
        });
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) =>
        WithScopeAsync(async sp => { await work(sp.GetRequiredService<AppDbContext>()); return 0; });

    public Task<int> CreateOrganizationAsync(string name, OrganizationKind kind = OrganizationKind.Employer, bool aggregateOnly = false, int? networkId = null) =>
        WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var organization = new Organization { Name = name, Kind = kind, AggregateOnly = aggregateOnly, RegionalNetworkId = networkId, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });

    /// <summary>A new confirmed account that is a member (or manager) of the organization.</summary>
    public async Task<ApplicationUser> MemberAsync(int organizationId, MemberRole role = MemberRole.Member, string? name = null)
    {
        var user = await TestAccounts.CreateAsync(this, role == MemberRole.Manager ? Roles.Manager : Roles.Learner);
        await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            if (name is not null) { account.DisplayName = name; await users.UpdateAsync(account); }
            await sp.GetRequiredService<AddMember>().AddAsync(organizationId, account, role, CancellationToken.None);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return 0;
        });
        if (name is not null) user.DisplayName = name;
        return user;
    }

    public Task<List<int>> PublishedCourseIdsAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems
            .Where(c => c.Kind == ContentKind.Course && c.PublishedVersionId != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

    public Task<int> AssignAsync(int organizationId, int courseId, DateOnly due, bool mandatory = true, int? recurrenceMonths = null, IEnumerable<string>? userIds = null) =>
        WithScopeAsync(async sp =>
        {
            var organization = (await sp.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Id == organizationId)
                .Select(o => new ManagedOrganization(o.Id, o.Name, o.Kind, o.AggregateOnly)).SingleAsync());
            var form = new AssignmentForm
            {
                CourseItemId = courseId, DueDate = due, Mandatory = mandatory, RecurrenceMonths = recurrenceMonths,
                AllMembers = userIds is null, UserIds = userIds?.ToList() ?? [],
            };
            var errors = new ModelStateDictionary();
            var count = await sp.GetRequiredService<CreateAssignment>().RunAsync(organization, form, "test", errors, CancellationToken.None);
            return count ?? throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value!.Errors.Select(x => $"{e.Key}: {x.ErrorMessage}"))));
        });

    /// <summary>Completes the learner's enrollment (a self-enrolment if there is none) with a certificate; returns the enrollment id.</summary>
    public Task<int> CompleteWithCertificateAsync(string userId, int courseId, DateTime completedAt, DateTime expiresAt) =>
        WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.UserId == userId && e.CourseItemId == courseId);
            if (enrollment is null)
                db.Enrollments.Add(enrollment = new Enrollment { UserId = userId, CourseItemId = courseId, Source = EnrollmentSource.Self, EnrolledAt = completedAt.AddDays(-1) });
            enrollment.Status = EnrollmentStatus.Completed;
            enrollment.CompletedAt = completedAt;
            await db.SaveChangesAsync();
            var versionId = await db.ContentItems.Where(c => c.Id == courseId).Select(c => c.PublishedVersionId!.Value).SingleAsync();
            db.Certificates.Add(new IssuedCertificate
            {
                Number = "IQ-2024-" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(), UserId = userId, EnrollmentId = enrollment.Id,
                CourseItemId = courseId, CourseVersionId = versionId, HolderName = "Holder", CourseTitle = "Kurs " + courseId, CourseVersionLabel = "1",
                IssuingUnit = "IQ", Language = "de", IssuedAt = completedAt, ExpiresAt = expiresAt,
                VerificationUrl = "https://lernen.example.test/verify/x", PdfSha256 = new string('0', 64), IssuedBy = "completion",
            });
            await db.SaveChangesAsync();
            return enrollment.Id;
        });

    public Task RunReminderJobAsync() => WithScopeAsync(async sp => { await sp.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None); return 0; });

    /// <summary>The subjects and bodies of the mails queued for an address, oldest first.</summary>
    public Task<List<(string Subject, string TextBody)>> MailsToAsync(string address) =>
        WithScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.ToAddress == address).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync())
            .Select(m => (m.Subject, m.TextBody)).ToList());

    public Task<Enrollment> EnrollmentAsync(int id) =>
        WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Enrollments.AsNoTracking().SingleAsync(e => e.Id == id));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
}

/// <summary>Counts the SQL commands EF Core runs, by the request path that caused them.</summary>
public sealed class SqlCommandCounter
{
    private readonly ConcurrentQueue<(string Path, string Sql)> _commands = new();

    public IInterceptor With(IHttpContextAccessor http) => new Interceptor(this, http);

    public void Reset() => _commands.Clear();

    public IReadOnlyList<string> For(string path) => _commands.Where(c => c.Path == path).Select(c => c.Sql).ToList();

    private sealed class Interceptor(SqlCommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (http.HttpContext?.Request.Path.Value is { } path) counter._commands.Enqueue((path, command.CommandText));
        }
    }
}
