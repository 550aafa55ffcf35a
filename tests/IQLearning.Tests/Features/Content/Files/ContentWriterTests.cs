using IQLearning.Web.Features.Content.Files;

namespace IQLearning.Tests.Features.Content.Files;

public sealed class ContentWriterTests : IDisposable
{
    private readonly ContentFolder _folder = new();
    private readonly List<string> _exports = [];

    public void Dispose()
    {
        _folder.Dispose();
        foreach (var export in _exports.Where(Directory.Exists)) Directory.Delete(export, recursive: true);
    }

    [Fact]
    public void Normalised_files_are_reproduced_byte_for_byte()
    {
        var export = Export(_folder.ReadValid());

        Assert.Equal(FilesIn(_folder.Root).Keys, FilesIn(export).Keys);
        foreach (var (path, bytes) in FilesIn(_folder.Root))
            Assert.True(bytes.SequenceEqual(File.ReadAllBytes(Path.Combine(export, path))), $"{path} differs");
    }

    [Fact]
    public void Messy_input_survives_a_round_trip_and_writes_the_same_files_twice()
    {
        _folder.With(ContentFolder.FirstLesson, "---\r\n# Lektion\r\ntitle: 'Kultur und Wahrnehmung'\r\nid: ikhr-kultur-und-wahrnehmung\r\nduration_minutes: 20\r\n---\r\n\r\nText  \r\n\r\n\r\n")
            .Replace(ContentFolder.CourseFile, "audiences: [hr]", "audiences:\n  - hr")
            .Replace(ContentFolder.CourseFile, "language: de\n", "language: de\ntranslation_of: null   # Original\n")
            .Replace(ContentFolder.StandardFile, "version: \"1.0\"", "version: 1.0");
        var first = _folder.ReadValid();

        var export = Export(first);
        var again = Export(ContentReader.Read(export).Package!);

        Assert.Equal(first, ContentReader.Read(export).Package);
        Assert.Equal(FilesIn(export).ToList(), FilesIn(again).ToList(), new FileComparer());
        Assert.Equal("1.0", first.Standards[0].Version);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("2025")]
    [InlineData("1.0")]
    [InlineData("Praxis: Tipps")]
    [InlineData("# kein Kommentar")]
    [InlineData(" führendes Leerzeichen")]
    [InlineData("zwei\nZeilen")]
    [InlineData("'einfach' und \"doppelt\"")]
    [InlineData("- kein Listenpunkt")]
    [InlineData("[keine Liste]")]
    [InlineData("{keine Zuordnung}")]
    [InlineData("@Zeichen & *Stern | Pipe > größer % Prozent")]
    [InlineData("Umlaute äöü ß – „Anführung“ …")]
    public void Any_text_is_written_as_yaml_that_reads_back_the_same(string text)
    {
        var package = _folder.ReadValid();
        var course = package.Courses[0] with { Title = text, Outcomes = [text, "x"] };
        var changed = package with { Courses = [course, package.Courses[1]] };

        Assert.Equal(changed, ContentReader.Read(Export(changed)).Package);
    }

    [Fact]
    public void Every_written_text_file_has_lf_endings_one_final_newline_and_no_bom()
    {
        var export = Export(_folder.ReadValid());

        foreach (var (path, bytes) in FilesIn(export).Where(f => !f.Key.EndsWith(".pdf")))
        {
            Assert.False(bytes.AsSpan().IndexOf((byte)'\r') >= 0, path);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), path);
            Assert.True(bytes[^1] == '\n' && bytes[^2] != '\n', path);
        }
    }

    [Fact]
    public void Writing_into_a_folder_with_files_is_refused()
    {
        var package = _folder.ReadValid();

        Assert.Throws<IOException>(() => ContentWriter.Write(package, _folder.Root));
    }

    [Theory]
    [InlineData("../../ausserhalb.pdf")]
    [InlineData("unter/ordner.pdf")]
    [InlineData(".versteckt")]
    public void A_name_that_would_leave_its_folder_is_refused(string fileName)
    {
        var package = _folder.ReadValid();
        var material = package.Materials[0] with { Attachments = [new MaterialAttachment(fileName, "x", new FileBytes([1]))] };

        Assert.Throws<ArgumentException>(() => ContentWriter.Write(package with { Materials = [material] }, NewExport()));
    }

    private string Export(ContentPackage package)
    {
        var export = NewExport();
        ContentWriter.Write(package, export);
        return export;
    }

    private string NewExport()
    {
        var export = ContentFolder.NewTempPath();
        _exports.Add(export);
        return export;
    }

    private static SortedDictionary<string, byte[]> FilesIn(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private sealed class FileComparer : IEqualityComparer<KeyValuePair<string, byte[]>>
    {
        public bool Equals(KeyValuePair<string, byte[]> x, KeyValuePair<string, byte[]> y) => x.Key == y.Key && x.Value.SequenceEqual(y.Value);
        public int GetHashCode(KeyValuePair<string, byte[]> obj) => obj.Key.GetHashCode();
    }
}
