namespace IQLearning.Tests.Browser.Accessibility;

/// <summary>Who may open a page; a page type lists every viewer the crawl visits it as.</summary>
[Flags]
public enum Viewer
{
    Anonymous = 1, Learner = 2, Manager = 4, Author = 8, Reviewer = 16, Administrator = 32,
    SignedIn = Learner | Manager | Author | Reviewer | Administrator,
    Everyone = Anonymous | SignedIn,
    /// <summary>The authoring policy: drafts, media library.</summary>
    Authoring = Author | Reviewer | Administrator,
    Reviewing = Reviewer | Administrator,
    /// <summary>Certificate officers: the certificate administration.</summary>
    Officers = Reviewer | Administrator,
    /// <summary>Organization dashboards: managers see their own organization, administrators every one.</summary>
    Managing = Manager | Administrator,
    /// <summary>The roles that must sign in with a second factor.</summary>
    SecondFactor = Manager | Author | Reviewer | Administrator,
}

/// <summary>
/// A page is rendered HTML and checked with axe; a non-page (file, JSON, redirect) is listed but not crawled. A
/// sign-in step is a page that exists only in the middle of signing in (the code after the password): the crawl
/// checks it while it signs the viewer in.
/// </summary>
public enum PageKind { Page, NonPage, SignInStep }

/// <summary>
/// One type of page: the route template exactly as the app reports it (leading slash, constraints included), who may
/// view it, how to build a URL from the crawl's sample data (null: no sample exists, e.g. no attachment is seeded),
/// and the status the sample answers with.
/// </summary>
public sealed record PageType(string Template, Viewer Viewers, Func<Samples, string>? Sample, PageKind Kind = PageKind.Page, int Status = 200);

/// <summary>
/// Every GET route of the site, in one list. <see cref="PageInventoryTests"/> fails when the app has a route that is
/// missing here or this lists one the app does not have; <see cref="AccessibilityCrawlTests"/> visits every page
/// here as each viewer allowed, in German and English, and runs axe. Adding a route is one line:
/// <c>Page("/things/{id:int}", Viewer.SignedIn, s => $"/things/{s.ThingId}"),</c> (plus the sample's id in
/// <see cref="Samples"/> if it needs seeded data).
/// </summary>
public static class PageInventory
{
    public static readonly IReadOnlyList<PageType> All =
    [
        // Start, errors, site pages (Home, SitePages, Accessibility)
        Page("/", Viewer.Everyone, _ => "/"),
        Page("/error/{status:int}", Viewer.Everyone, _ => "/error/404", status: 404),
        Page("/error", Viewer.Everyone, _ => "/error", status: 500),
        Page("/impressum", Viewer.Everyone, _ => "/impressum"),
        Page("/datenschutz", Viewer.Everyone, _ => "/datenschutz"),
        Page("/barrierefreiheit", Viewer.Everyone, _ => "/barrierefreiheit"),
        Page("/leichte-sprache", Viewer.Everyone, _ => "/leichte-sprache"),
        Page("/pages/{slug}", Viewer.Everyone, s => $"/pages/{s.CmsPage}"),
        Page("/barrierefreiheit/feedback", Viewer.Everyone, _ => "/barrierefreiheit/feedback?page=%2Fcourses"),
        Page("/barrierefreiheit/feedback/confirmation", Viewer.Everyone, _ => "/barrierefreiheit/feedback/confirmation"),

        // Accounts
        Page("/account/register", Viewer.Everyone, _ => "/account/register"),
        Page("/account/register/confirmation", Viewer.Everyone, _ => "/account/register/confirmation"),
        Page("/account/confirm-email", Viewer.Everyone, s => $"/account/confirm-email?userId={s.LearnerId}&code=abgelaufen"),
        Page("/account/login", Viewer.Everyone, _ => "/account/login"),
        new("/account/login/two-factor", Viewer.SecondFactor, _ => "/account/login/two-factor", PageKind.SignInStep),
        Page("/account/resend-confirmation", Viewer.Everyone, _ => "/account/resend-confirmation"),
        Page("/account/forgot-password", Viewer.Everyone, _ => "/account/forgot-password"),
        Page("/account/reset-password", Viewer.Everyone, s => $"/account/reset-password?userId={s.LearnerId}&code=abgelaufen"),
        Page("/account/access-denied", Viewer.Everyone, _ => "/account/access-denied", status: 403),
        Page("/account/profile", Viewer.SignedIn, _ => "/account/profile"),
        Page("/account/change-password", Viewer.SignedIn, _ => "/account/change-password"),
        Page("/account/confirm-password", Viewer.SignedIn, _ => "/account/confirm-password?returnUrl=%2Faccount%2Fchange-email"),
        Page("/account/change-email", Viewer.SignedIn, _ => "/account/change-email"),
        Page("/account/confirm-email-change", Viewer.Everyone, s => $"/account/confirm-email-change?userId={s.LearnerId}&email=neu%40example.org&code=abgelaufen"),
        Page("/account/two-factor", Viewer.SignedIn, _ => "/account/two-factor"),
        Page("/account/notifications", Viewer.SignedIn, _ => "/account/notifications"),

        // Privacy: the viewer's own data
        Page("/account/privacy", Viewer.SignedIn, _ => "/account/privacy"),
        Page("/account/privacy/export", Viewer.SignedIn, _ => "/account/privacy/export"),
        NonPage("/account/privacy/export.json", Viewer.SignedIn, _ => "/account/privacy/export.json"),
        NonPage("/account/privacy/certificates/{id:int}/pdf", Viewer.SignedIn, s => $"/account/privacy/certificates/{s.CertificateId}/pdf"),
        Page("/account/privacy/delete", Viewer.SignedIn, _ => "/account/privacy/delete"),
        Page("/account/privacy/deleted", Viewer.Everyone, _ => "/account/privacy/deleted"),

        // Catalog (shipped curriculum)
        Page("/courses", Viewer.Everyone, _ => "/courses?audience=hr&language=de"),
        Page("/courses/{slug}", Viewer.Everyone, s => $"/courses/{s.Course}"),
        Page("/materials", Viewer.Everyone, _ => "/materials"),
        Page("/materials/{slug}", Viewer.Everyone, s => $"/materials/{s.Material}"),
        NonPage("/materials/{slug}/files/{file}", Viewer.Everyone, null),
        Page("/standards", Viewer.Everyone, _ => "/standards"),
        Page("/standards/{slug}", Viewer.Everyone, s => $"/standards/{s.Standard}"),
        Page("/search", Viewer.Everyone, _ => "/search?q=agg"),
        NonPage("/media/{id:int}/{name}", Viewer.Everyone, s => $"/media/{s.MediaId}/{s.MediaName}"),

        // Learning: every viewer is enrolled in the sample course
        Page("/learn", Viewer.SignedIn, _ => "/learn"),
        NonPage("/learn/{courseSlug}", Viewer.SignedIn, s => $"/learn/{s.Course}"), // redirects to the lesson to resume
        Page("/learn/{courseSlug}/{lessonId}", Viewer.SignedIn, s => $"/learn/{s.Course}/{s.LessonId}"),

        // Assessments: each viewer's own attempts, runs and results
        Page("/quiz/{assessmentItemId:int}", Viewer.SignedIn, s => $"/quiz/{s.QuizId}"),
        Page("/quiz/{assessmentItemId:int}/attempts/{attemptId:int}", Viewer.SignedIn, s => $"/quiz/{s.QuizId}/attempts/{s.AttemptId}"),
        Page("/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/review", Viewer.SignedIn, s => $"/quiz/{s.QuizId}/attempts/{s.AttemptId}/review"),
        Page("/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/result", Viewer.SignedIn, s => $"/quiz/{s.SubmittedQuizId}/attempts/{s.SubmittedAttemptId}/result"),
        Page("/scenario/{scenarioItemId:int}", Viewer.SignedIn, s => $"/scenario/{s.ScenarioId}"),
        Page("/scenario/{scenarioItemId:int}/runs/{runId:int}", Viewer.SignedIn, s => $"/scenario/{s.ScenarioId}/runs/{s.RunId}"),
        Page("/scenario/{scenarioItemId:int}/runs/{runId:int}/choices/{choiceNumber:int}", Viewer.SignedIn, s => $"/scenario/{s.ScenarioId}/runs/{s.RunId}/choices/0"),
        Page("/self-assessment", Viewer.SignedIn, _ => "/self-assessment"),
        Page("/self-assessment/{slug}", Viewer.SignedIn, s => $"/self-assessment/{s.SelfAssessment}"),
        Page("/self-assessment/{slug}/results/{resultId:int}", Viewer.SignedIn, s => $"/self-assessment/{s.SelfAssessment}/results/{s.ResultId}"),

        // Certificates: each viewer's own, the public check, the officers' administration
        Page("/certificates", Viewer.SignedIn, _ => "/certificates"),
        NonPage("/certificates/{id:int}/pdf", Viewer.SignedIn, s => $"/certificates/{s.CertificateId}/pdf"),
        NonPage("/certificates/{id:int}/credential.jwt", Viewer.SignedIn, s => $"/certificates/{s.CertificateId}/credential.jwt"),
        Page("/verify", Viewer.Everyone, _ => "/verify"),
        Page("/verify/{number}", Viewer.Everyone, s => $"/verify/{s.CertificateNumber}"),
        NonPage("/.well-known/jwks.json", Viewer.Everyone, _ => "/.well-known/jwks.json"),
        Page("/admin/certificates", Viewer.Officers, _ => "/admin/certificates"),
        Page("/admin/certificates/{id:int}", Viewer.Officers, s => $"/admin/certificates/{s.CertificateId}"),
        Page("/admin/certificates/issue", Viewer.Officers, _ => "/admin/certificates/issue"),
        Page("/admin/certificates/bulk", Viewer.Officers, _ => "/admin/certificates/bulk"),
        Page("/admin/certificates/deliveries", Viewer.Officers, _ => "/admin/certificates/deliveries"),

        // Organizations: the fixture's organization, with the manager and the learner as members
        Page("/organizations", Viewer.Managing, _ => "/organizations"),
        Page("/organizations/{id:int}", Viewer.Managing, s => $"/organizations/{s.OrganizationId}"),
        Page("/organizations/{id:int}/members", Viewer.Managing, s => $"/organizations/{s.OrganizationId}/members"),
        Page("/organizations/{id:int}/assignments", Viewer.Managing, s => $"/organizations/{s.OrganizationId}/assignments"),
        NonPage("/organizations/{id:int}/export.csv", Viewer.Managing, s => $"/organizations/{s.OrganizationId}/export.csv"),
        NonPage("/organizations/{id:int}/export.xlsx", Viewer.Managing, s => $"/organizations/{s.OrganizationId}/export.xlsx"),
        Page("/invitations/{token}", Viewer.Everyone, s => $"/invitations/{s.InvitationToken}"),
        Page("/reminders/opt-out", Viewer.Everyone, s => s.OptOutLink),

        // Authoring: the fixture's unit, where the author and the reviewer are members
        Page("/author", Viewer.Authoring, _ => "/author"),
        Page("/author/new/{kind}", Viewer.Authoring, _ => "/author/new/lesson"),
        Page("/author/items/{id:int}", Viewer.Authoring, s => $"/author/items/{s.ItemId}"),
        Page("/author/items/{id:int}/edit", Viewer.Authoring, s => $"/author/items/{s.ItemId}/edit"),
        Page("/author/items/{id:int}/diff", Viewer.Authoring, s => $"/author/items/{s.ItemId}/diff"),
        Page("/author/versions/{id:int}", Viewer.Authoring, s => $"/author/versions/{s.VersionId}"),
        Page("/author/media", Viewer.Authoring, _ => "/author/media"),
        Page("/author/media/{id:int}", Viewer.Authoring, s => $"/author/media/{s.MediaId}"),
        Page("/review", Viewer.Reviewing, _ => "/review"),
        Page("/review/{id:int}", Viewer.Reviewing, s => $"/review/{s.ReviewVersionId}"),

        // Administration
        Page("/admin", Viewer.Administrator, _ => "/admin"),
        Page("/admin/users", Viewer.Administrator, _ => "/admin/users"),
        Page("/admin/users/{id}", Viewer.Administrator, s => $"/admin/users/{s.LearnerId}"),
        Page("/admin/organizations", Viewer.Administrator, _ => "/admin/organizations"),
        Page("/admin/organizations/new", Viewer.Administrator, _ => "/admin/organizations/new"),
        Page("/admin/organizations/{id:int}/edit", Viewer.Administrator, s => $"/admin/organizations/{s.OrganizationId}/edit"),
        Page("/admin/mail", Viewer.Administrator, _ => "/admin/mail"),
        Page("/admin/mail/{id:guid}", Viewer.Administrator, s => $"/admin/mail/{s.MailId}"),
        NonPage("/admin/mail/files/{name}", Viewer.Administrator, null),
        Page("/admin/units", Viewer.Administrator, _ => "/admin/units"),
        Page("/admin/units/{id:int}", Viewer.Administrator, s => $"/admin/units/{s.UnitId}"),
        Page("/admin/audit", Viewer.Administrator, _ => "/admin/audit?event=account"),
        Page("/admin/accessibility-feedback", Viewer.Administrator, _ => "/admin/accessibility-feedback"),
        Page("/admin/accessibility-feedback/{id:int}", Viewer.Administrator, s => $"/admin/accessibility-feedback/{s.FeedbackId}"),

        // Machine endpoints
        NonPage("/health", Viewer.Everyone, _ => "/health"),
    ];

    /// <summary>
    /// Pages the app serves outside its endpoint routing, so <see cref="PageInventoryTests"/> cannot see them, and
    /// why the crawl leaves them out.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotCrawled = new Dictionary<string, string>
    {
        ["/admin/jobs"] = "Hangfire's dashboard (middleware, administrators only): a third-party UI we cannot change; " +
                          "the accessibility statement lists it as not checked, and /admin/mail shows the mail queue accessibly.",
    };

    public static IEnumerable<PageType> Pages => All.Where(p => p.Kind == PageKind.Page);

    private static PageType Page(string template, Viewer viewers, Func<Samples, string> sample, int status = 200) =>
        new(template, viewers, sample, PageKind.Page, status);

    private static PageType NonPage(string template, Viewer viewers, Func<Samples, string>? sample) =>
        new(template, viewers, sample, PageKind.NonPage);
}

/// <summary>
/// What the sample URLs are built from: slugs of the shipped curriculum, ids the crawl's fixture creates, and the
/// viewer's own attempt, run and result (each signed-in viewer has their own; anonymous viewers have none).
/// </summary>
public sealed record Samples
{
    public string Course { get; init; } = "interkulturelle-kompetenz-personalmanagement";
    public string Material { get; init; } = "gespraechsleitfaden-arbeitgeberwuensche";
    public string Standard { get; init; } = "iq-qs-ikoe";
    public string SelfAssessment { get; init; } = "interkulturelle-kompetenz";
    public int QuizId { get; init; }
    public int ScenarioId { get; init; }
    public string LearnerId { get; init; } = "";
    public int UnitId { get; init; }
    public int ItemId { get; init; }
    public int VersionId { get; init; }
    public int ReviewVersionId { get; init; }
    public int MediaId { get; init; }
    public string MediaName { get; init; } = "";
    public Guid MailId { get; init; }
    public int FeedbackId { get; init; }
    public string CmsPage { get; init; } = "";
    public int OrganizationId { get; init; }
    public string InvitationToken { get; init; } = "";
    public string OptOutLink { get; init; } = "";
    public string CertificateNumber { get; init; } = "";

    // The viewer's own
    public int AttemptId { get; init; }
    public int SubmittedQuizId { get; init; }
    public int SubmittedAttemptId { get; init; }
    public int RunId { get; init; }
    public int ResultId { get; init; }
    public string LessonId { get; init; } = "";
    public int CertificateId { get; init; }
}
