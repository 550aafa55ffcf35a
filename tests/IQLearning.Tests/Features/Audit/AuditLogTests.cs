using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Audit;

[Collection(SiteCollection.Name)]
public sealed class AuditLogTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Sign_ins_failures_and_role_changes_are_recorded_with_who_and_what()
    {
        var user = await TestAccounts.CreateAsync(site);
        using (var failing = SiteClient.For(site))
            await failing.SubmitAsync("/account/login", "/account/login",
                new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = "wrong password!" });
        var admin = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var adminClient = await TestAccounts.SignedInAsync(site, admin);
        await adminClient.PostFromPageAsync($"/admin/users/{user.Id}", $"/admin/users/{user.Id}/roles",
            new Dictionary<string, string> { ["roles"] = Roles.Manager });

        var events = await EventsAsync(user.Id, admin.Id);

        Assert.Contains(("account.sign-in.failed", user.Id, $"user:{user.Id}"), events);
        Assert.Contains(("account.sign-in", admin.Id, $"user:{admin.Id}"), events);
        Assert.Contains(("user.roles-changed", admin.Id, $"user:{user.Id}"), events);
    }

    [Fact]
    public async Task An_audit_event_cannot_be_changed_in_the_database()
    {
        var user = await TestAccounts.CreateAsync(site);
        using (var client = await TestAccounts.SignedInAsync(site, user)) { }
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEvents.FirstAsync(e => e.ActorId == user.Id);

        var tamper = () => db.AuditEvents.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "nothing.happened"));

        var error = await Assert.ThrowsAnyAsync<Exception>(tamper);
        Assert.Contains("append-only", error.ToString());
        Assert.Equal(entry.Action, (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == entry.Id)).Action);
    }

    [Fact]
    public async Task Administrators_filter_the_log_and_learners_get_403()
    {
        var user = await TestAccounts.CreateAsync(site);
        using (var signedIn = await TestAccounts.SignedInAsync(site, user))
            Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/admin/audit")).Status);
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        var (status, page) = await admin.GetAsync($"/admin/audit?event=account.sign-in&actor={Uri.EscapeDataString(user.Email!)}");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(rows.Count > 0, page.QuerySelector("main")!.InnerHtml);
        Assert.All(rows, r => Assert.Contains(user.Email!, r));
        Assert.All(rows, r => Assert.Contains("account.sign-in", r));
    }

    private async Task<List<(string, string?, string?)>> EventsAsync(params string[] actors)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents
            .Where(e => e.ActorId != null && actors.Contains(e.ActorId))
            .Select(e => new ValueTuple<string, string?, string?>(e.Action, e.ActorId, e.Subject)).ToListAsync();
    }
}
