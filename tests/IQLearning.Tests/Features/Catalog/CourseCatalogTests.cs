using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Content.Model;
using Xunit.Abstractions;

namespace IQLearning.Tests.Features.Catalog;

[Collection(SiteCollection.Name)]
public sealed class CourseCatalogTests(CatalogSite site, ITestOutputHelper output) : IClassFixture<CatalogSite>
{
    private const string German = "diskriminierungssensibel-beraten-jobcenter";
    private const string English = "discrimination-sensitive-counselling-jobcentre";
    private const string BothLanguages = "&language=de&language=en";

    public static TheoryData<string> Filters() =>
    [
        "audience=hr", "audience=jobcentre", "audience=administration",
        "topic=recruiting", "topic=sozialrecht",
        "duration=short", "duration=medium", "duration=long",
        "q=anerkennung", "q=anerkennung+arbeitgeber",
    ];

    [Theory, MemberData(nameof(Filters))]
    public async Task Each_filter_lists_exactly_the_published_courses_that_match_it(string filter)
    {
        var courses = await site.PublishedAsync(ContentKind.Course);
        var expected = courses.Where(c => Matches(c, filter)).Select(c => c.Slug).Order().ToList();
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync("/courses?" + filter + BothLanguages);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(expected.Count < courses.Count, $"{filter} should narrow the catalog of {courses.Count} courses");
        Assert.Equal(expected, CatalogPage.CardSlugs(page).Order());
        Assert.Equal(expected.Count == 0, page.QuerySelector("main .notice") is not null);
    }

    [Theory, InlineData("de"), InlineData("en")]
    public async Task The_language_filter_lists_only_courses_in_that_language(string language)
    {
        var expected = (await site.PublishedAsync(ContentKind.Course)).Where(c => c.Language == language).Select(c => c.Slug).Order();
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/courses?language=" + language);

        Assert.Equal(expected, CatalogPage.CardSlugs(page).Order());
    }

    [Theory, InlineData("de", German, English), InlineData("en", English, German)]
    public async Task A_translated_course_is_listed_once_in_the_readers_language(string uiLanguage, string shown, string hidden)
    {
        using var client = SiteClient.For(site, uiLanguage);

        var (_, page) = await client.GetAsync("/courses");

        var slugs = CatalogPage.CardSlugs(page);
        Assert.Contains(shown, slugs);
        Assert.DoesNotContain(hidden, slugs);
        var courses = await site.PublishedAsync(ContentKind.Course);
        Assert.Equal(courses.Count - 1, slugs.Count); // every other course is German only and shown as the fallback
        var fallback = page.QuerySelector(".catalog-card h2 a[href='/courses/interkulturelle-kompetenz-personalmanagement']")!.ParentElement!;
        Assert.Equal(uiLanguage == "de" ? null : "de", fallback.GetAttribute("lang"));
    }

    [Fact]
    public async Task Asking_for_both_languages_lists_both_versions_of_a_pair()
    {
        using var client = SiteClient.For(site, "en");

        var (_, page) = await client.GetAsync("/courses?language=de&language=en&audience=jobcentre");

        Assert.Equal([English, German], CatalogPage.CardSlugs(page).Order());
        Assert.Equal("de", page.QuerySelector($".catalog-card h2 a[href='/courses/{German}']")!.ParentElement!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_filter_form_keeps_the_chosen_values()
    {
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/courses?audience=hr&topic=recruiting&duration=long&language=en&q=Bias");

        Assert.NotNull(page.QuerySelector("#filter-audience option[value=hr][selected]"));
        Assert.NotNull(page.QuerySelector("#filter-topic option[value=recruiting][selected]"));
        Assert.NotNull(page.QuerySelector("#filter-duration option[value=long][selected]"));
        Assert.NotNull(page.QuerySelector("#filter-language-en[checked]"));
        Assert.Null(page.QuerySelector("#filter-language-de[checked]"));
        Assert.Equal("Bias", page.QuerySelector("#filter-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_course_page_shows_modules_and_lessons_in_course_order_with_durations()
    {
        var course = (await site.PublishedAsync(ContentKind.Course)).Single(c => c.Slug == "interkulturelle-kompetenz-personalmanagement");
        var metadata = course.Metadata<CourseMetadata>();
        var lessons = (await site.PublishedAsync(ContentKind.Lesson)).ToDictionary(l => l.Slug);
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/courses/" + course.Slug);

        var modules = page.QuerySelectorAll(".catalog-modules > li").ToList();
        Assert.Equal(metadata.Modules.Select(m => m.Title), modules.Select(m => m.QuerySelector("h3 span")!.TextContent));
        for (var i = 0; i < modules.Count; i++)
        {
            var expected = metadata.Modules[i].Lessons.Select(id => lessons[id]).ToList();
            var shown = modules[i].QuerySelectorAll(".catalog-lessons > li").ToList();
            Assert.Equal(expected.Select(l => l.Version.Title), shown.Select(li => li.QuerySelector("span")!.TextContent));
            Assert.Equal(expected.Select(l => $"{l.Metadata<LessonMetadata>().DurationMinutes} Min."),
                shown.Select(li => li.QuerySelector(".catalog-duration")!.TextContent));
        }
        Assert.Equal(metadata.LessonIds.Count(), page.QuerySelectorAll(".catalog-lessons > li").Length);
        Assert.Contains("4 Std. 20 Min.", page.QuerySelector("main .catalog-facts")!.TextContent);
        Assert.Contains(course.Version.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(metadata.Outcomes[0], page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_course_page_shows_the_standards_it_meets_and_what_earns_the_certificate()
    {
        var course = (await site.PublishedAsync(ContentKind.Course)).Single(c => c.Slug == German);
        var metadata = course.Metadata<CourseMetadata>();
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/courses/" + German);

        Assert.Equal(metadata.Standards.Select(s => "/standards/" + s),
            page.QuerySelectorAll("#course-standards + ul a").Select(a => a.GetAttribute("href")));
        var certificate = page.QuerySelector(".catalog-certificate")!.TextContent;
        Assert.Contains($"mindestens {metadata.PassMark} % der Punkte", certificate);
        Assert.Contains($"gilt {metadata.ValidityMonths} Monate", certificate);
        Assert.Contains("Keine Bewerberinnen mit Kopftuch", certificate);
        Assert.Contains("IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung", certificate);

        var (_, recognition) = await client.GetAsync("/courses/auslaendische-berufsabschluesse-anerkennung");
        Assert.Contains("läuft nicht ab", recognition.QuerySelector(".catalog-certificate")!.TextContent);
    }

    [Fact]
    public async Task The_course_page_links_its_other_language_version_marked_with_its_language()
    {
        using var client = SiteClient.For(site);

        var (_, page) = await client.GetAsync("/courses/" + German);

        var notice = page.QuerySelector(".catalog-translation")!;
        Assert.Contains("Diese Seite gibt es auch auf Englisch", notice.TextContent);
        var link = notice.QuerySelector("a")!;
        Assert.Equal(("/courses/" + English, "en", "en"), (link.GetAttribute("href"), link.GetAttribute("hreflang"), link.GetAttribute("lang")));
        Assert.NotNull(page.QuerySelector($"head link[rel=alternate][hreflang=en][href='/courses/{English}']"));

        var (_, english) = await client.GetAsync("/courses/" + English);
        Assert.Equal("en", english.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("Diese Seite gibt es auch auf Deutsch", english.QuerySelector(".catalog-translation")!.TextContent);
        Assert.Null(english.QuerySelector(".catalog-translation a")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_course_page_runs_at_most_six_queries_whatever_the_number_of_lessons()
    {
        const string path = "/courses/" + German;
        using var client = SiteClient.For(site);
        await client.GetAsync(path); // warm-up: the first request may compile queries, not run more of them
        site.Queries.Reset(path);

        var (status, _) = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        output.WriteLine($"{path}: {site.Queries.For(path)} queries");
        Assert.InRange(site.Queries.For(path), 1, 6);
    }

    [Theory, InlineData("/courses/no-such-course"), InlineData("/courses/ikhr-vielfalt-als-normalfall")]
    public async Task An_unknown_slug_or_a_lesson_id_is_the_sites_404_page(string url)
    {
        using var client = SiteClient.For(site);

        var (status, page) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(CatalogPage.IsSiteNotFoundPage(page));
    }

    private static bool Matches(PublishedEntry course, string filter)
    {
        var m = course.Metadata<CourseMetadata>();
        var (key, value) = (filter.Split('=')[0], filter.Split('=')[1]);
        return key switch
        {
            "audience" => m.Audiences.Contains(value),
            "topic" => m.Topics.Contains(value),
            "duration" => value switch { "short" => m.DurationMinutes <= 120, "medium" => m.DurationMinutes is > 120 and <= 240, _ => m.DurationMinutes > 240 },
            "q" => value.Split('+').All(term => course.Version.SearchText.Contains(term)),
            _ => throw new ArgumentException(filter),
        };
    }
}
