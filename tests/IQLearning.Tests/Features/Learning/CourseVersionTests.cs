using IQLearning.Tests.Support;
using IQLearning.Web.Features.Content.Import;
using IQLearning.Web.Features.Learning.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Learning;

/// <summary>Publishing a new course version: progress is kept by lesson item; new required lessons bind only active learners.</summary>
[Collection(SiteCollection.Name)]
public sealed class CourseVersionTests(LearningSite site) : IClassFixture<LearningSite>, IDisposable
{
    private readonly string _content = Directory.CreateTempSubdirectory("iql-learning-content-").FullName;

    [Fact]
    public async Task A_new_required_lesson_binds_active_learners_and_leaves_completed_ones_completed()
    {
        var v1 = await site.OutlineAsync();
        var finished = await Learner.CreateAsync(site);
        await finished.EnrolAsync(v1);
        await finished.DoAllLessonsAsync(v1);
        await site.FinishScenarioAsync(finished.Id, v1.CourseItemId, v1.Scenarios.Single().ItemId);
        await site.PassAssessmentAsync(finished.Id, v1.CourseItemId, v1.Assessment!.ItemId);
        var active = await Learner.CreateAsync(site);
        await active.EnrolAsync(v1);
        await active.DoAllLessonsAsync(v1);
        await site.FinishScenarioAsync(active.Id, v1.CourseItemId, v1.Scenarios.Single().ItemId);

        await PublishVersionWithANewLessonAsync();
        var v2 = await site.OutlineAsync();
        Assert.NotEqual(v1.VersionId, v2.VersionId);
        Assert.Equal(v1.Lessons.Count() + 1, v2.Lessons.Count());

        // The completed enrollment stays on the version it was earned on.
        var completed = await site.EnrollmentAsync(finished.Id, v1.CourseItemId);
        Assert.Equal((EnrollmentStatus.Completed, v1.VersionId), (completed!.Status, completed.CompletedVersionId));
        await site.StepAsync(finished.Id, v1.CourseItemId);
        Assert.Single(site.Completions.For(finished.Id));

        // The active learner keeps every lesson done (progress is keyed by lesson item) and must do the new one.
        await site.PassAssessmentAsync(active.Id, v1.CourseItemId, v1.Assessment.ItemId);
        Assert.Equal(EnrollmentStatus.Active, (await site.EnrollmentAsync(active.Id, v1.CourseItemId))!.Status);
        var (_, dashboard) = await active.Client.GetAsync("/learn");
        Assert.Contains($"{v1.Lessons.Count()} von {v2.Lessons.Count()} Lektionen abgeschlossen", dashboard.QuerySelector(".learning-courses")!.TextContent);
        var resume = await active.Client.Http.GetAsync($"/learn/{v2.Slug}");
        Assert.Equal(Learner.LessonUrl(v2, v2.Lesson("iq-anerkennung-neue-lektion")!), resume.Headers.Location?.OriginalString);

        await active.MarkDoneAsync(v2, v2.Lesson("iq-anerkennung-neue-lektion")!);

        var now = await site.EnrollmentAsync(active.Id, v1.CourseItemId);
        Assert.Equal((EnrollmentStatus.Completed, v2.VersionId), (now!.Status, now.CompletedVersionId));
        Assert.Single(site.Completions.For(active.Id));
    }

    [Fact]
    public async Task A_lesson_published_again_shows_its_new_text_at_once_though_the_old_text_was_kept()
    {
        var course = await site.OutlineAsync();
        var lesson = course.Lessons.First();
        var learner = await Learner.CreateAsync(site);
        await learner.EnrolAsync(course);
        var (_, before) = await learner.Client.GetAsync(Learner.LessonUrl(course, lesson));
        var oldText = before.QuerySelector(".lesson-body")!.TextContent;
        (_, before) = await learner.Client.GetAsync(Learner.LessonUrl(course, lesson));
        Assert.Equal(oldText, before.QuerySelector(".lesson-body")!.TextContent);

        var added = $"Zweite Fassung {Guid.NewGuid():N}";
        CopyDirectory(SiteFactory.ShippedContent, _content);
        var file = Directory.GetFiles(Path.Combine(_content, "courses", LearningSite.CourseSlug), "*.md")
            .Single(f => File.ReadAllText(f).Contains($"id: {lesson.Slug}\n") || File.ReadAllText(f).Contains($"id: {lesson.Slug}\r\n"));
        await File.AppendAllTextAsync(file, $"\n\n{added}\n");
        using (var scope = site.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(_content, null);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }

        var (_, after) = await learner.Client.GetAsync(Learner.LessonUrl(course, lesson));
        Assert.Contains(added, after.QuerySelector(".lesson-body")!.TextContent);
        Assert.DoesNotContain(added, oldText);
    }

    private async Task PublishVersionWithANewLessonAsync()
    {
        CopyDirectory(SiteFactory.ShippedContent, _content);
        var folder = Path.Combine(_content, "courses", LearningSite.CourseSlug);
        await File.WriteAllTextAsync(Path.Combine(folder, "09-neue-lektion.md"), """
            ---
            id: iq-anerkennung-neue-lektion
            title: Eine neue Lektion
            duration_minutes: 10
            required: true
            ---
            Ein neuer Abschnitt, den die zweite Fassung des Kurses verlangt.
            """);
        var courseFile = Path.Combine(folder, "course.md");
        var text = await File.ReadAllTextAsync(courseFile);
        Assert.Contains("lessons: [08-fair-einstellen]", text);
        await File.WriteAllTextAsync(courseFile, text.Replace("lessons: [08-fair-einstellen]", "lessons: [08-fair-einstellen, 09-neue-lektion]"));

        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(_content, null);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to), overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(_content, recursive: true); } catch (IOException) { }
    }
}
