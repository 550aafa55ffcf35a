using IQLearning.Web.Features.Content.Files;

namespace IQLearning.Tests.Features.Content.Files;

public sealed class ContentHashTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Hash_is_sha256_as_lower_case_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", ContentHash.Of(_folder.ReadValid().Courses[0]));
    }

    [Fact]
    public void Unchanged_content_in_another_spelling_has_the_same_hash()
    {
        var before = _folder.ReadValid();
        var crlf = File.ReadAllText(_folder.FullPath(ContentFolder.FirstLesson)).Replace("\n", "\r\n") + "\r\n";
        _folder.With(ContentFolder.FirstLesson, crlf).Replace(ContentFolder.CourseFile, "audiences: [hr]", "audiences:\n  - hr   # HR");
        var after = _folder.ReadValid();

        Assert.Equal(ContentHash.Of(before.Courses[0]), ContentHash.Of(after.Courses[0]));
        Assert.Equal(ContentHash.Of(before.Courses[0].Lessons.First()), ContentHash.Of(after.Courses[0].Lessons.First()));
    }

    [Fact]
    public void Changed_lesson_text_changes_that_lesson_and_its_course_only()
    {
        var before = _folder.ReadValid();
        _folder.Replace(ContentFolder.FirstLesson, "zuletzt", "zum ersten Mal");
        var after = _folder.ReadValid();

        Assert.NotEqual(ContentHash.Of(before.Courses[0].Lessons.First()), ContentHash.Of(after.Courses[0].Lessons.First()));
        Assert.NotEqual(ContentHash.Of(before.Courses[0]), ContentHash.Of(after.Courses[0]));
        Assert.Equal(ContentHash.Of(before.Courses[0].Lessons.Last()), ContentHash.Of(after.Courses[0].Lessons.Last()));
        Assert.Equal(ContentHash.Of(before.Courses[1]), ContentHash.Of(after.Courses[1]));
    }

    [Fact]
    public void Renumbered_lesson_file_keeps_the_lesson_hash_but_changes_the_course()
    {
        var before = _folder.ReadValid();
        var course = before.Courses[0];
        var renamed = course with { Modules = [course.Modules[0] with { Lessons = [course.Modules[0].Lessons[0] with { FileName = "05-kultur-und-wahrnehmung" }, course.Modules[0].Lessons[1]] }, course.Modules[1]] };

        Assert.Equal(ContentHash.Of(course.Lessons.First()), ContentHash.Of(renamed.Lessons.First()));
        Assert.NotEqual(ContentHash.Of(course), ContentHash.Of(renamed));
    }

    [Fact]
    public void Changed_gift_file_changes_the_course_hash()
    {
        var before = ContentHash.Of(_folder.ReadValid().Courses[0]);
        _folder.Replace("courses/ikhr/abschlusstest.gift", "{T}", "{F}");

        Assert.NotEqual(before, ContentHash.Of(_folder.ReadValid().Courses[0]));
    }

    [Fact]
    public void Changed_attachment_bytes_change_the_material_hash()
    {
        var before = ContentHash.Of(_folder.ReadValid().Materials[0]);
        _folder.WithBytes(ContentFolder.AttachmentFile, [.. ContentFolder.Pdf, 0x20]);

        Assert.NotEqual(before, ContentHash.Of(_folder.ReadValid().Materials[0]));
    }

    [Fact]
    public void Standard_and_units_hashes_follow_their_text()
    {
        var before = _folder.ReadValid();
        _folder.Replace(ContentFolder.StandardFile, "version: \"1.0\"", "version: \"1.1\"")
            .Replace("units.yml", "name: IQ Fachstelle Einwanderung", "name: IQ Fachstelle Einwanderung und Integration");
        var after = _folder.ReadValid();

        Assert.NotEqual(ContentHash.Of(before.Standards[0]), ContentHash.Of(after.Standards[0]));
        Assert.NotEqual(ContentHash.OfUnits(before.Units), ContentHash.OfUnits(after.Units));
        Assert.Equal(ContentHash.Of(before.Materials[0]), ContentHash.Of(after.Materials[0]));
    }
}
