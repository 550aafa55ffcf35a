using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IQLearning.Tests.Features.Authoring;
using IQLearning.Tests.Features.Media;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Assessments.ScenarioPlayer;
using IQLearning.Web.Features.Assessments.SelfAssessment;
using IQLearning.Web.Features.Assessments.Taking;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Learning;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Invitations;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IQLearning.Tests.Browser.Accessibility;

/// <summary>
/// The site with the shipped curriculum, one account per role, a specialist unit where the author and the reviewer
/// work, a draft in review with an image, a report in the feedback inbox, and for every account its own quiz
/// attempts, scenario run and self-assessment result — everything <see cref="PageInventory"/> needs for its samples.
/// </summary>
public sealed class CrawlSite : IAsyncLifetime
{
    private static readonly Viewer[] Roles = [Viewer.Learner, Viewer.Manager, Viewer.Author, Viewer.Reviewer, Viewer.Administrator];

    public SiteFactory Site { get; } = new SiteFactory(startSmtp: true, kestrel: true)
        .WithSetting("Content:SeedDirectory", SiteFactory.ShippedContent)
        .WithSetting("SelfAssessments:Directory", Path.Combine(SiteFactory.ShippedContent, "self-assessments"))
        .WithSetting("Accessibility:FeedbackRecipient", "barrieren@iqlearning.test");
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public Dictionary<Viewer, ApplicationUser> Users { get; } = [];
    public Dictionary<Viewer, Samples> SamplesFor { get; } = [];
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        BaseUrl = Site.BaseAddress.ToString().TrimEnd('/');
        if (!File.Exists(BrowserSite.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true") return; // the tests skip themselves
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

        var world = new AuthoringWorld(Site);
        var unit = await world.UnitAsync("Fachstelle Barrierefreiheit");
        foreach (var role in Roles)
            Users[role] = role is Viewer.Author or Viewer.Reviewer ? await world.MemberAsync(unit, role.ToString()) : await TestAccounts.CreateAsync(Site, role.ToString());
        var shared = await SharedSamplesAsync(world, unit);
        shared = await OrganizationSamplesAsync(shared);
        foreach (var role in Roles) SamplesFor[role] = await OwnSamplesAsync(shared, Users[role].Id);
        SamplesFor[Viewer.Anonymous] = shared with { CertificateNumber = await world.ReadAsync(db =>
            db.Certificates.Where(c => c.UserId == Users[Viewer.Learner].Id).Select(c => c.Number).SingleAsync()) };
        foreach (var role in Roles) SamplesFor[role] = SamplesFor[role] with { CertificateNumber = SamplesFor[Viewer.Anonymous].CertificateNumber };
    }

    /// <summary>
    /// A browser context for one viewer and language; signed in unless anonymous. The one place that signs in, so
    /// a second factor for privileged roles changes only this method.
    /// </summary>
    public async Task<IPage> PageForAsync(Viewer viewer, string language, Func<IPage, Task>? atSecondStep = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = language, ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        if (viewer == Viewer.Anonymous) return page;
        await TestAccounts.SignInAsync(page, Site, BaseUrl, Users[viewer], atSecondStep);
        return page;
    }

    private async Task<Samples> SharedSamplesAsync(AuthoringWorld world, int unit)
    {
        // Through the pages, as people would: the upload and the report use the same sign-in as the crawl.
        var author = Users[Viewer.Author];
        var page = await PageForAsync(Viewer.Author, "de");
        await page.GotoAsync(BaseUrl + "/author/media");
        await page.SetInputFilesAsync("#File", new FilePayload { Name = "ablauf.png", MimeType = "image/png", Buffer = MediaSamples.Png });
        await page.FillAsync("#AltText", "Ablauf der Anerkennung in drei Schritten");
        await page.ClickAsync("form[action='/author/media/upload'] button[type=submit]");
        await page.WaitForURLAsync("**/author/media?*uploaded=*");
        await page.Context.CloseAsync();
        page = await PageForAsync(Viewer.Anonymous, "de");
        await page.GotoAsync(BaseUrl + "/barrierefreiheit");
        await page.FillAsync("#PageUrl", "/courses");
        await page.FillAsync("#Message", "Der Filter ist mit dem Screenreader schwer zu finden.");
        await page.FillAsync("#Email", "kim@example.org");
        await page.ClickAsync("form[action='/barrierefreiheit/feedback'] button[type=submit]");
        await page.WaitForURLAsync("**/barrierefreiheit/feedback/confirmation");
        await page.Context.CloseAsync();

        var media = await world.ReadAsync(db => db.MediaFiles.Where(m => m.UnitId == unit).OrderBy(m => m.Id).FirstAsync());
        var body = $"## Ablauf\n\n![Ablauf der Anerkennung in drei Schritten](/media/{media.Id}/{Uri.EscapeDataString(media.FileName)})\n\n" +
                   "> [!TIP]\n> Planen Sie drei Monate ein.\n\n| Schritt | Dauer |\n|---|---|\n| Antrag | 3 Monate |\n";
        var first = await world.DraftAsync(author, unit, body);
        var second = await world.NextDraftAsync(author, first.ContentItemId, body + "\nEin neuer Absatz.\n");
        await world.SubmitAsync(author, second.Id);
        return await world.ReadAsync(async db => new Samples
        {
            QuizId = await ItemIdAsync(db, ContentKind.Assessment, "interkulturelle-kompetenz-personalmanagement/abschlusstest.gift"),
            ScenarioId = await ItemIdAsync(db, ContentKind.Scenario, "ikhr-das-zweite-interview"),
            LearnerId = Users[Viewer.Learner].Id, UnitId = unit, ItemId = first.ContentItemId, VersionId = first.Id,
            ReviewVersionId = second.Id, MediaId = media.Id, MediaName = Uri.EscapeDataString(media.FileName),
            MailId = await db.OutboxMessages.OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync(),
            FeedbackId = await db.AccessibilityFeedback.Select(f => f.Id).SingleAsync(),
            CmsPage = await PublishedPageAsync(db, unit),
        });
    }

    /// <summary>A published CMS page besides the legal ones, as an administrator would publish it.</summary>
    private static async Task<string> PublishedPageAsync(AppDbContext db, int unit)
    {
        var item = new ContentItem { Kind = ContentKind.Page, Slug = "kontakt", UnitId = unit, Language = "de", CreatedAt = DateTime.UtcNow };
        var version = new ContentVersion
        {
            Item = item, Number = 1, Status = VersionStatus.Published, Title = "Kontakt", ContentHash = "kontakt", MetadataJson = "{}",
            Body = "Schreiben Sie uns.", BodyHtml = "<p>Schreiben Sie uns an <a href=\"mailto:kontakt@iqlearning.test\">kontakt@iqlearning.test</a>.</p>",
            CreatedAt = DateTime.UtcNow,
        };
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync();
        item.PublishedVersionId = item.LatestVersionId = version.Id;
        await db.SaveChangesAsync();
        return item.Slug;
    }

    /// <summary>
    /// An employer with the manager (as its manager) and the learner as members, an optional assignment of the sample
    /// course to all members (whose reminder opt-out link is the sample), and an open invitation.
    /// </summary>
    private async Task<Samples> OrganizationSamplesAsync(Samples shared)
    {
        using var scope = Site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var organization = new Organization
        {
            Name = "Jobcenter Musterstadt", Kind = OrganizationKind.JobCentre, CertificateRecipients = "personal@jobcenter.example",
            CreatedAt = DateTime.UtcNow,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (viewer, role) in new[] { (Viewer.Manager, MemberRole.Manager), (Viewer.Learner, MemberRole.Member) })
            await services.GetRequiredService<AddMember>().AddAsync(organization.Id, (await users.FindByIdAsync(Users[viewer].Id))!, role, default);
        await db.SaveChangesAsync();

        var course = await db.ContentItems.Where(i => i.Kind == ContentKind.Course && i.Slug == shared.Course).Select(i => i.Id).SingleAsync();
        var form = new AssignmentForm { CourseItemId = course, DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), Mandatory = false, AllMembers = true };
        var errors = new ModelStateDictionary();
        await services.GetRequiredService<CreateAssignment>().RunAsync(
            new ManagedOrganization(organization.Id, organization.Name, organization.Kind, false), form, Users[Viewer.Manager].Id, errors, default);
        if (!errors.IsValid) throw new InvalidOperationException("The sample assignment was refused: " + string.Join("; ", errors.Keys));
        var enrollment = await db.Enrollments.Where(e => e.UserId == Users[Viewer.Learner].Id && e.CourseItemId == course).Select(e => e.Id).SingleAsync();
        var optOut = services.GetRequiredService<ReminderLinks>().OptOut(enrollment);

        var (token, hash) = InvitationToken.Create();
        db.Invitations.Add(new Invitation
        {
            OrganizationId = organization.Id, Email = "neu@example.org", Role = MemberRole.Member, TokenHash = hash,
            CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.Add(InvitationToken.Lifetime), InvitedById = Users[Viewer.Manager].Id,
        });
        await db.SaveChangesAsync();
        return shared with { OrganizationId = organization.Id, InvitationToken = token, OptOutLink = optOut[optOut.IndexOf("/reminders/", StringComparison.Ordinal)..] };
    }

    /// <summary>The viewer's own: a submitted attempt (result page) on a second quiz, one in progress, a run with a choice, a self-assessment.</summary>
    private async Task<Samples> OwnSamplesAsync(Samples shared, string userId)
    {
        using var scope = Site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var otherQuiz = await db.ContentItems.Where(i => i.Kind == ContentKind.Assessment && i.PublishedVersionId != null && i.Id != shared.QuizId)
            .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var submitted = (await services.GetRequiredService<StartAttempt>().HandleAsync(userId, otherQuiz, default))!.AttemptId!.Value;
        await services.GetRequiredService<SubmitAttempt>().HandleAsync(userId, otherQuiz, submitted, default);
        var attempt = (await services.GetRequiredService<StartAttempt>().HandleAsync(userId, shared.QuizId, default))!.AttemptId!.Value;

        var run = (await services.GetRequiredService<StartRun>().HandleAsync(userId, shared.ScenarioId, default))!.Value;
        var step = (await services.GetRequiredService<OwnRun>().LoadAsync(userId, shared.ScenarioId, run, default))!.Run.CurrentStepId;
        await services.GetRequiredService<ChooseOption>().HandleAsync(userId, shared.ScenarioId, run, step, 0, default);

        var instrument = services.GetRequiredService<SelfAssessmentInstruments>().Find(shared.SelfAssessment)!;
        var ratings = instrument.Items.Select(i => KeyValuePair.Create(TakeSelfAssessment.ItemPrefix + i.Id, new StringValues("3")));
        var result = (await services.GetRequiredService<TakeSelfAssessment>().SaveAsync(userId, shared.SelfAssessment, ratings, default))!.Value.ResultId!.Value;

        // Enrolled in the sample course (the learner and the manager already are, through the assignment) and
        // certified for another one, as a completion would have it.
        var course = await db.ContentItems.Where(i => i.Kind == ContentKind.Course && i.Slug == shared.Course).Select(i => i.Id).SingleAsync();
        await services.GetRequiredService<Enrol>().HandleAsync(userId, course, default);
        var lesson = (await services.GetRequiredService<ResumeCourse>().HandleAsync(userId, shared.Course, default)).LessonSlug!;
        var certificate = await CertifyAsync(services, userId);

        return shared with
        {
            AttemptId = attempt, SubmittedQuizId = otherQuiz, SubmittedAttemptId = submitted, RunId = run, ResultId = result,
            LessonId = lesson, CertificateId = certificate,
        };
    }

    private static async Task<int> CertifyAsync(IServiceProvider services, string userId)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var course = await db.ContentItems.Where(i => i.Kind == ContentKind.Course && i.Slug == "auslaendische-berufsabschluesse-anerkennung")
            .Select(i => new { i.Id, i.PublishedVersionId }).SingleAsync();
        await services.GetRequiredService<Enrol>().HandleAsync(userId, course.Id, default);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var enrollment = await db.Enrollments.SingleAsync(e => e.UserId == userId && e.CourseItemId == course.Id);
        enrollment.Status = IQLearning.Web.Features.Learning.Model.EnrollmentStatus.Completed;
        enrollment.CompletedAt = DateTime.UtcNow;
        enrollment.CompletedVersionId = course.PublishedVersionId;
        await db.SaveChangesAsync();
        var completed = new CourseCompleted(enrollment.Id, userId, course.Id, course.PublishedVersionId!.Value, DateTime.UtcNow);
        foreach (var handler in services.GetServices<ICourseCompletedHandler>()) await handler.HandleAsync(completed, default);
        await transaction.CommitAsync();
        return await db.Certificates.Where(c => c.EnrollmentId == enrollment.Id).Select(c => c.Id).SingleAsync();
    }

    private static Task<int> ItemIdAsync(AppDbContext db, ContentKind kind, string slug) =>
        db.ContentItems.Where(i => i.Kind == kind && i.Slug == slug).Select(i => i.Id).SingleAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Site.Dispose();
    }
}

/// <summary>
/// Every HTML page type of <see cref="PageInventory"/>, as every viewer allowed to see it, in German and English,
/// checked with axe-core for WCAG 2.0/2.1 A and AA. One test per viewer and language reports all violating pages.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityCrawlTests(CrawlSite crawl, ITestOutputHelper output) : IClassFixture<CrawlSite>
{
    private static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read; not collecting every passing node keeps the result (and the crawl) small.
        ResultTypes = [ResultType.Violations],
    };

    public static TheoryData<Viewer, string> ViewersAndLanguages()
    {
        var data = new TheoryData<Viewer, string>();
        foreach (var viewer in new[] { Viewer.Anonymous, Viewer.Learner, Viewer.Manager, Viewer.Author, Viewer.Reviewer, Viewer.Administrator })
        foreach (var language in new[] { "de", "en" })
            data.Add(viewer, language);
        return data;
    }

    [BrowserTheory, MemberData(nameof(ViewersAndLanguages))]
    public async Task Every_page_the_viewer_may_see_has_no_wcag_violations(Viewer viewer, string language)
    {
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        var signInSteps = PageInventory.All.Where(p => p.Kind == PageKind.SignInStep && p.Viewers.HasFlag(viewer)).ToList();
        var first = await crawl.PageForAsync(viewer, language, async step =>
        {
            foreach (var type in signInSteps) problems.AddRange(await CheckLoadedAsync(step, type.Template, language));
            signInSteps.Clear();
        });
        var pages = PagesToCheckAs(viewer);
        // Two tabs of the signed-in context take turns: while one waits for the server, the other runs axe.
        var tabs = new[] { first, await first.Context.NewPageAsync() };
        var results = await Task.WhenAll(tabs.Select((tab, i) =>
            CheckAsync(tab, pages.Where((_, n) => n % tabs.Length == i), crawl.SamplesFor[viewer], language)));
        await first.Context.CloseAsync();
        problems.AddRange(results.SelectMany(r => r));
        problems.AddRange(signInSteps.Select(p => $"{p.Template}: never shown while signing in"));
        output.WriteLine($"{viewer}/{language}: {pages.Count} pages in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.NotEmpty(pages);
        Assert.True(problems.Count == 0, $"{viewer}, {language}: {problems.Count} problem(s)\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// The pages a viewer is checked on: signed out and as a learner every page they may open; as a manager, author,
    /// reviewer or administrator the pages of their role that a learner cannot open, and the start page (their
    /// navigation and account menu). A page a learner opens too renders the same for those roles but for the header,
    /// so checking it once more per role would only repeat the learner's check (and double the crawl's time).
    /// </summary>
    internal static List<PageType> PagesToCheckAs(Viewer viewer) => PageInventory.Pages
        .Where(p => p.Viewers.HasFlag(viewer) &&
            (viewer is Viewer.Anonymous or Viewer.Learner || !p.Viewers.HasFlag(Viewer.Learner) || p.Template == "/"))
        .ToList();

    private async Task<List<string>> CheckAsync(IPage tab, IEnumerable<PageType> types, Samples samples, string language)
    {
        var problems = new List<string>();
        foreach (var type in types)
        {
            var url = type.Sample!(samples);
            var response = await tab.GotoAsync(crawl.BaseUrl + url);
            if (response?.Status != type.Status) problems.Add($"{url}: status {response?.Status}, expected {type.Status}");
            problems.AddRange(await CheckLoadedAsync(tab, url, language));
        }
        return problems;
    }

    /// <summary>Every viewer in German (the longer words), signed out and the learner in English too.</summary>
    public static TheoryData<Viewer, string> ReflowViewers()
    {
        var data = new TheoryData<Viewer, string> { { Viewer.Anonymous, "en" }, { Viewer.Learner, "en" } };
        foreach (var viewer in new[] { Viewer.Anonymous, Viewer.Learner, Viewer.Manager, Viewer.Author, Viewer.Reviewer, Viewer.Administrator })
            data.Add(viewer, "de");
        return data;
    }

    /// <summary>
    /// WCAG 1.4.10: at 320 CSS pixels (1280 px at 400 % zoom) no page scrolls sideways. A wide table may scroll
    /// inside its own region; the document itself may not be wider than the viewport.
    /// </summary>
    [BrowserTheory, MemberData(nameof(ReflowViewers))]
    public async Task Every_page_reflows_at_320_css_pixels_without_scrolling_sideways(Viewer viewer, string language)
    {
        var tab = await crawl.PageForAsync(viewer, language);
        await tab.SetViewportSizeAsync(320, 800);
        var pages = PagesToCheckAs(viewer);
        var problems = new List<string>();
        foreach (var type in pages)
        {
            var url = type.Sample!(crawl.SamplesFor[viewer]);
            await tab.GotoAsync(crawl.BaseUrl + url);
            var width = await tab.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320) problems.Add($"{url}: {width} px wide — {string.Join(" | ", await tab.EvaluateAsync<string[]>(WiderThanViewport))}");
        }
        await tab.Context.CloseAsync();

        Assert.NotEmpty(pages);
        Assert.True(problems.Count == 0, $"{viewer}, {language}: {problems.Count} page(s) scroll sideways at 320 px\n" + string.Join("\n", problems));
    }

    /// <summary>The innermost elements reaching past the right edge, except inside a scroll container (a wide table may scroll).</summary>
    internal const string WiderThanViewport = """
        () => {
          const wide = e => e.getBoundingClientRect().right > innerWidth + 1;
          const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; return false; };
          const found = [...document.querySelectorAll('body *')].filter(e => wide(e) && ![...e.children].some(wide) && !scrolls(e))
            .slice(0, 4).map(e => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)} "${e.textContent.trim().slice(0, 40)}"`);
          // A long word overflows its box without widening it; then only the document's width tells.
          return found.length > 0 || document.documentElement.scrollWidth <= innerWidth + 1 ? found
            : [`text wider than its box: document ${document.documentElement.scrollWidth} px`];
        }
        """;

    /// <summary>The page in the tab has the language's <c>lang</c> and no axe violation.</summary>
    private static async Task<IEnumerable<string>> CheckLoadedAsync(IPage tab, string url, string language)
    {
        var problems = new List<string>();
        if (await tab.GetAttributeAsync("html", "lang") != language) problems.Add($"{url}: html lang is not {language}");
        var result = await tab.RunAxe(WcagAandAA);
        problems.AddRange(result.Violations.Select(v => $"{url}: {v.Id} ({v.Impact}) {v.Help} — " +
            string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))));
        // WCAG 2.4.1/2.4.3: the first Tab press from a freshly loaded page reaches the skip link, not something
        // further down (a script that focuses an element on load would move the starting point).
        await tab.Keyboard.PressAsync("Tab");
        var first = await tab.EvaluateAsync<string>("() => document.activeElement.className || document.activeElement.tagName");
        if (first != "skip-link") problems.Add($"{url}: the first Tab stop is {first}, not the skip link");
        return problems;
    }
}

/// <summary>Runs only when IQL_A11Y_REVIEW_DIR names a folder: material for the manual checks in docs/accessibility.md.</summary>
public sealed class ManualReviewFactAttribute : FactAttribute
{
    public ManualReviewFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("IQL_A11Y_REVIEW_DIR") is not { Length: > 0 })
            Skip = "Set IQL_A11Y_REVIEW_DIR to a folder to write screenshots and accessibility-tree snapshots for a manual review.";
        else if (!File.Exists(BrowserSite.ChromiumPath)) Skip = $"Chromium is not installed at {BrowserSite.ChromiumPath}.";
    }
}

/// <summary>
/// Not a check but material for one: for every page an administrator can open (German), a screenshot at 320 CSS pixels
/// (1280 px at 400 % zoom, WCAG 1.4.10) and at 640 px (200 %, 1.4.4), the page's ARIA snapshot (names and roles as a
/// screen reader gets them), its headings and its first Tab stops, plus a list of pages that scroll sideways at 320 px.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityReviewMaterial(CrawlSite crawl) : IClassFixture<CrawlSite>
{
    [ManualReviewFact]
    public async Task Write_review_material()
    {
        var folder = Directory.CreateDirectory(Environment.GetEnvironmentVariable("IQL_A11Y_REVIEW_DIR")!).FullName;
        var page = await crawl.PageForAsync(Viewer.Administrator, "de");
        var overflow = new List<string>();
        foreach (var type in PageInventory.Pages.Where(p => p.Viewers.HasFlag(Viewer.Administrator)))
        {
            var url = type.Sample!(crawl.SamplesFor[Viewer.Administrator]);
            var name = string.Concat(url.Split('?')[0].Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '_'));
            if (name.Length == 0) name = "start";
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync(crawl.BaseUrl + url);
            var snapshot = await page.Locator("body").AriaSnapshotAsync();
            var headings = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => h.tagName + ' ' + h.textContent.trim().replace(/\\s+/g, ' '))");
            var stops = new List<string>();
            for (var i = 0; i < 12; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                stops.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent || e.value || e.id).trim().replace(/\\s+/g, ' ').slice(0, 60); }"));
            }
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"),
                $"{url}\n\n## Headings\n{string.Join("\n", headings)}\n\n## First Tab stops\n{string.Join("\n", stops)}\n\n## ARIA snapshot\n{snapshot}\n");
            foreach (var width in new[] { 640, 320 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.GotoAsync(crawl.BaseUrl + url);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
                if (width == 320 && await page.EvaluateAsync<string[]>(AccessibilityCrawlTests.WiderThanViewport) is { Length: > 0 } wide)
                    overflow.Add($"{url}: {string.Join(" | ", wide)}");
            }
        }
        await File.WriteAllLinesAsync(Path.Combine(folder, "overflow-320.txt"), overflow);
        await page.Context.CloseAsync();
    }
}
