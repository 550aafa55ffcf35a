using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Organizations;

[Collection(SiteCollection.Name)]
public sealed class ExportTests(OrganizationSite site) : IClassFixture<OrganizationSite>
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task The_xlsx_export_holds_one_row_per_member_and_course_with_the_right_cells()
    {
        var (org, manager, courses) = await OrganizationWithMembersAsync(aggregateOnly: false);
        await site.MemberAsync(org, MemberRole.Member, "Zora Zuletzt");
        using var client = await TestAccounts.SignedInAsync(site, manager);

        var response = await client.Http.GetAsync($"/organizations/{org}/export.xlsx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Name", "E-Mail-Adresse", "Kurs", "Stand", "Fortschritt (%)", "Fällig am", "Abgeschlossen am", "Zertifikat", "Prüfadresse"], rows[0].Take(9));
        var zora = Assert.Single(rows, r => r[0] == "Zora Zuletzt");
        Assert.Equal("Nicht begonnen", zora[3]);
        Assert.Equal("0", zora[4]);
        // Zora joined after the "all members" assignment was made: she got it too, with the grace days to do it.
        Assert.Equal(site.Today.AddDays(30).ToString("yyyy-MM-dd"), zora[5]);
        Assert.Equal(site.Today.AddDays(20).ToString("yyyy-MM-dd"), Assert.Single(rows, r => r[0] == "Gustav Geheim")[5]);
        Assert.Equal(4 * 1, rows.Count - 1); // manager, two members, Zora × one course
        Assert.Equal(await CourseTitleAsync(courses[0]), zora[2]);
    }

    [Fact]
    public async Task Names_that_look_like_formulas_are_neutralised_in_csv_and_xlsx()
    {
        var (org, manager, _) = await OrganizationWithMembersAsync(aggregateOnly: false);
        var evil = await site.MemberAsync(org, MemberRole.Member, "=HYPERLINK(\"http://evil.test\",\"klick\")");
        await site.MemberAsync(org, MemberRole.Member, "@SUM(A1)");
        await RenameEmailAsync(evil.Id, "+evil@example.org");
        using var client = await TestAccounts.SignedInAsync(site, manager);

        var csv = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync($"/organizations/{org}/export.csv"));
        var xlsx = ReadSheet(await client.Http.GetByteArrayAsync($"/organizations/{org}/export.xlsx"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"klick\"\")\"", csv);
        Assert.Contains("'@SUM(A1)", csv);
        Assert.Contains("'+evil@example.org", csv);
        Assert.DoesNotContain("\n=", csv.Replace("\r", ""));
        Assert.Contains(xlsx, r => r[0] == "'=HYPERLINK(\"http://evil.test\",\"klick\")" && r[1] == "'+evil@example.org");
        Assert.Contains(xlsx, r => r[0] == "'@SUM(A1)");
        Assert.DoesNotContain(xlsx.SelectMany(r => r), c => c.StartsWith('=') || c.StartsWith('@') || c.StartsWith('+'));
    }

    [Fact]
    public async Task Aggregate_only_mode_shows_no_names_on_any_page_or_in_either_export()
    {
        var (org, manager, courses) = await OrganizationWithMembersAsync(aggregateOnly: true);
        using var client = await TestAccounts.SignedInAsync(site, manager);
        // The header greets the signed-in manager by name; that is the viewer's own, not a member's.
        var secrets = new[] { "Gustav Geheim", "Hanna Heimlich", "gustav-", "hanna-" };

        var pages = new List<string>();
        foreach (var url in new[] { "", "?status=NotStarted", "?q=Gustav", $"?course={courses[0]}&overdue=true", "/members", "/assignments", "/assignments?q=Gustav" })
        {
            var response = await client.Http.GetAsync($"/organizations/{org}{url}");
            Assert.True(response.IsSuccessStatusCode, url);
            pages.Add(await response.Content.ReadAsStringAsync());
        }
        var csv = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync($"/organizations/{org}/export.csv"));
        var xlsx = ReadSheet(await client.Http.GetByteArrayAsync($"/organizations/{org}/export.xlsx"));

        foreach (var text in pages.Append(csv).Append(string.Join("\n", xlsx.SelectMany(r => r))))
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        // The counts are there: three members (the manager counts), none started.
        Assert.Contains(xlsx, r => r[0] == "Kurs" && r[1] == "Gesamt");
        Assert.Contains(xlsx, r => r.Length > 2 && r[1] == "3" && r[2] == "3");
        Assert.Contains("nur Summen gezeigt", pages[0]);
        Assert.Contains("nur Summen gezeigt", pages[4]);
    }

    private async Task<(int Org, ApplicationUser Manager, List<int> Courses)> OrganizationWithMembersAsync(bool aggregateOnly)
    {
        var org = await site.CreateOrganizationAsync("Export " + Guid.NewGuid(), aggregateOnly: aggregateOnly);
        var manager = await site.MemberAsync(org, MemberRole.Manager, "Maren Manager");
        var gustav = await site.MemberAsync(org, MemberRole.Member, "Gustav Geheim");
        var hanna = await site.MemberAsync(org, MemberRole.Member, "Hanna Heimlich");
        await RenameEmailAsync(gustav.Id, TestAccounts.Unique("gustav"));
        await RenameEmailAsync(hanna.Id, TestAccounts.Unique("hanna"));
        var courses = await site.PublishedCourseIdsAsync();
        await site.AssignAsync(org, courses[0], site.Today.AddDays(20));
        return (org, manager, courses);
    }

    private Task RenameEmailAsync(string userId, string email) => site.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.Email = email;
        user.NormalizedEmail = email.ToUpperInvariant();
        await users.UpdateAsync(user);
        return 0;
    });

    private Task<string> CourseTitleAsync(int courseId) => site.WithScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return db.ContentVersions.Where(v => v.Id == db.ContentItems.Where(c => c.Id == courseId).Select(c => c.PublishedVersionId).Single())
            .Select(v => v.Title).SingleAsync();
    });

    /// <summary>Unzips the workbook and reads sheet1's cells as text, row by row (numbers as written).</summary>
    internal static List<string[]> ReadSheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var document = XDocument.Load(stream);
        return document.Descendants(Sheet + "row").Select(row => row.Elements(Sheet + "c")
            .Select(c => c.Attribute("t")?.Value == "inlineStr" ? string.Concat(c.Descendants(Sheet + "t").Select(t => t.Value)) : c.Element(Sheet + "v")?.Value ?? "")
            .ToArray()).ToList();
    }
}
