using System.IO.Compression;
using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates.Issuing;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class PagesSite() : CertificateSite;

[Collection(SiteCollection.Name)]
public sealed class CertificatePagesTests(PagesSite site) : IClassFixture<PagesSite>
{
    [Fact]
    public async Task A_learner_lists_their_certificates_and_downloads_the_stored_pdf_and_credential_as_attachments()
    {
        var learner = await site.CreateLearnerAsync("Paula Pdf");
        var certificate = await site.EnrollAndCompleteAsync(learner, await site.CreateCourseAsync());
        using var client = await TestAccounts.SignedInAsync(site, learner);

        var (status, page) = await client.GetAsync("/certificates");
        var pdf = await client.Http.GetAsync($"/certificates/{certificate.Id}/pdf");
        var jwt = await client.Http.GetAsync($"/certificates/{certificate.Id}/credential.jwt");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(certificate.CourseTitle, page.QuerySelector("main table")!.TextContent);
        Assert.Equal(certificate.Pdf, await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(certificate.Number + ".pdf", pdf.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal(certificate.CredentialJwt, await jwt.Content.ReadAsStringAsync());
        Assert.Equal("attachment", jwt.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task Another_learners_certificate_is_not_found_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var owner = await site.CreateLearnerAsync("Otto Owner");
        var certificate = await site.EnrollAndCompleteAsync(owner, await site.CreateCourseAsync());
        using var other = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Olga Other"));
        using var anonymous = SiteClient.For(site);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/certificates/{certificate.Id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/certificates/{certificate.Id}/credential.jwt")).StatusCode);
        Assert.DoesNotContain(certificate.Number, (await other.GetAsync("/certificates")).Page.Body!.TextContent);
        var response = await anonymous.Http.GetAsync($"/certificates/{certificate.Id}/pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_reviewer_issues_a_certificate_by_hand_to_a_person_without_an_account()
    {
        var course = await site.CreateCourseAsync();
        using var reviewer = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Rudi Reviewer", role: Roles.Reviewer));
        var email = TestAccounts.Unique("ohne-konto");

        var response = await reviewer.SubmitAsync("/admin/certificates/issue", "/admin/certificates/issue", new Dictionary<string, string>
        {
            ["Form.CourseItemId"] = course.ItemId.ToString(), ["Form.HolderName"] = "Petra Präsenz", ["Form.Email"] = email,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var certificate = await site.ReadAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.HolderName == "Petra Präsenz"));
        Assert.Null(certificate.UserId);
        Assert.Equal(IssueReasons.Manual, certificate.IssuedBy);
        var mail = await Mailbox.WaitForAsync(site.Smtp!, email);
        Assert.Contains(certificate.Number, mail.TextBody);
    }

    [Fact]
    public async Task A_bulk_list_with_bad_rows_stores_nothing_and_names_every_bad_row()
    {
        var course = await site.CreateCourseAsync(title: "Kurs für die Sammelausstellung mit Fehlern");
        using var reviewer = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Bea Bulk", role: Roles.Administrator));
        var csv = "email,name\n" +
                  "gut@example.org,Gute Zeile\n" +
                  "keine-adresse,Name Ohne Adresse\n" +          // row 3
                  "formel@example.org,=HYPERLINK(\"http://x\")\n" + // row 4
                  "leer@example.org,\n" +                          // row 5
                  "gut@example.org,Doppelt\n" +                    // row 6
                  "a@example.org,b,c\n";                           // row 7

        var page = await SiteClient.ParseAsync(await PostCsvAsync(reviewer, course, csv));

        var rows = page.QuerySelectorAll(".bulk-errors li").Select(li => li.GetAttribute("data-row")).ToList();
        Assert.Equal(["3", "4", "5", "6", "7"], rows);
        Assert.Equal(0, await site.ReadAsync(db => db.Certificates.CountAsync(c => c.CourseItemId == course.ItemId)));
    }

    [Fact]
    public async Task A_good_bulk_list_issues_every_row_and_the_zip_holds_their_pdfs()
    {
        var course = await site.CreateCourseAsync(title: "Kurs für die Sammelausstellung");
        using var admin = await TestAccounts.SignedInAsync(site, await site.CreateLearnerAsync("Bernd Bulk", role: Roles.Administrator));
        var emails = Enumerable.Range(0, 3).Select(i => TestAccounts.Unique($"bulk{i}")).ToList();
        var csv = "\uFEFFemail;name\r\n" + string.Join("\r\n", emails.Select((e, i) => $"{e};\"Nachname{i}; Vorname\"")) + "\r\n";

        var page = await SiteClient.ParseAsync(await PostCsvAsync(admin, course, csv));
        var numbers = page.QuerySelectorAll(".issued-numbers a").Select(a => a.TextContent).ToList();

        Assert.Equal(3, numbers.Count);
        var stored = await site.ReadAsync(db => db.Certificates.AsNoTracking().Where(c => c.CourseItemId == course.ItemId).ToListAsync());
        Assert.Equal(["Nachname0; Vorname", "Nachname1; Vorname", "Nachname2; Vorname"], stored.Select(c => c.HolderName).Order());
        Assert.All(stored, c => Assert.Equal(IssueReasons.Bulk, c.IssuedBy));
        var archive = await DownloadZipAsync(admin, page, numbers);
        Assert.Equal(numbers.Select(n => n + ".pdf").Order(), archive.Keys.Order());
        foreach (var certificate in stored) Assert.Equal(certificate.Pdf, archive[certificate.Number + ".pdf"]);
        foreach (var email in emails) await Mailbox.WaitForAsync(site.Smtp!, email);
    }

    private static async Task<HttpResponseMessage> PostCsvAsync(SiteClient client, Course course, string csv)
    {
        var (_, form) = await client.GetAsync("/admin/certificates/bulk");
        var token = form.QuerySelector("form[action='/admin/certificates/bulk'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(course.ItemId.ToString()), "Form.CourseItemId" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Form.File", "liste.csv" },
        };
        return await client.Http.PostAsync("/admin/certificates/bulk", content);
    }

    private static async Task<Dictionary<string, byte[]>> DownloadZipAsync(SiteClient client, AngleSharp.Html.Dom.IHtmlDocument page, List<string> numbers)
    {
        var token = page.QuerySelector("form[action='/admin/certificates/zip'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = numbers.Select(n => new KeyValuePair<string, string>("numbers", n)).Append(new("__RequestVerificationToken", token));
        var response = await client.Http.PostAsync("/admin/certificates/zip", new FormUrlEncodedContent(fields));
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var archive = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            files[entry.FullName] = copy.ToArray();
        }
        return files;
    }
}
