using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Authoring;

/// <summary>
/// Sets up what the authoring pages need — units, members with roles, items made through the real workflow —
/// and reads back what the pages stored.
/// </summary>
public sealed class AuthoringWorld(SiteFactory site)
{
    public const string LessonMetadata = """{"fileName":"01-einfuehrung","durationMinutes":10,"required":true}""";

    public async Task<int> UnitAsync(string name = "Fachstelle")
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = new SpecialistUnit { Slug = Slug("unit"), Name = $"{name} {Guid.NewGuid():N}"[..24] };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    /// <summary>A confirmed account with the roles, belonging to the unit (or to none when <paramref name="unit"/> is null).</summary>
    public async Task<ApplicationUser> MemberAsync(int? unit, params string[] roles)
    {
        var user = await TestAccounts.CreateAsync(site, roles[0]);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var role in roles.Skip(1)) await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, role);
        if (unit is { } unitId)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.UnitMemberships.Add(new UnitMembership { UnitId = unitId, UserId = user.Id });
            await db.SaveChangesAsync();
        }
        return user;
    }

    public async Task<ContentVersion> DraftAsync(ApplicationUser author, int unit, string body = "Erste Fassung", ContentKind kind = ContentKind.Lesson,
        int? parentId = null)
    {
        var metadata = kind == ContentKind.Lesson ? LessonMetadata : kind == ContentKind.Course ? CourseMetadataJson : "{}";
        var result = await RunAsync(author, (w, actor) => w.CreateAsync(actor, kind, unit, Slug("item"), "de", parentId,
            new DraftEdit("Titel " + body, "Zusammenfassung", body, metadata)));
        return result.Version ?? throw new InvalidOperationException($"Create failed: {result.Outcome} {string.Join("; ", result.Problems ?? [])}");
    }

    public async Task<ContentVersion> NextDraftAsync(ApplicationUser author, int itemId, string body) =>
        (await RunAsync(author, (w, actor) => w.SaveDraftAsync(actor, itemId, new DraftEdit("Titel " + body, "", body, LessonMetadata)))).Version!;

    public Task<WorkflowResult> SubmitAsync(ApplicationUser author, int versionId) =>
        RunAsync(author, (w, actor) => w.SubmitAsync(actor, versionId));

    public Task<WorkflowResult> PublishAsync(ApplicationUser reviewer, int versionId) =>
        RunAsync(reviewer, (w, actor) => w.ApproveAsync(actor, versionId, null));

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = site.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<ContentVersion> VersionAsync(int versionId) =>
        ReadAsync(db => db.ContentVersions.AsNoTracking().Include(v => v.Item).SingleAsync(v => v.Id == versionId));

    public Task<List<ContentVersion>> VersionsAsync(int itemId) =>
        ReadAsync(db => db.ContentVersions.AsNoTracking().Where(v => v.ContentItemId == itemId).OrderBy(v => v.Number).ToListAsync());

    public static string Slug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    private const string CourseMetadataJson = """
        {"audiences":["hr"],"topics":[],"durationMinutes":60,"outcomes":["Ein Ziel"],"standards":[],"passMark":70,"validityMonths":24,
         "assessment":null,"scenarios":[],"modules":[{"title":"Modul","lessons":["einfuehrung"]}]}
        """;

    private async Task<WorkflowResult> RunAsync(ApplicationUser user, Func<ContentWorkflow, ContentActor, Task<WorkflowResult>> step)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = (await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!)).ToHashSet();
        var units = await db.UnitMemberships.Where(m => m.UserId == user.Id).Select(m => m.UnitId).ToListAsync();
        return await step(scope.ServiceProvider.GetRequiredService<ContentWorkflow>(), new ContentActor(user.Id, roles, units.ToHashSet()));
    }
}
