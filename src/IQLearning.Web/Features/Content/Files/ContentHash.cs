using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// A stable SHA-256 (lower-case hex) over an item's normalised files, paths included. The importer compares it with
/// the stored hash: equal means the file would be written identically, so importing it again changes nothing.
/// A course's hash covers the whole folder (course.md, lessons, GIFT, scenarios), because a certificate points at
/// the course version as a whole; a lesson also has its own (progress points at lessons).
/// </summary>
public static class ContentHash
{
    public static string Of(Course course) => Of(ContentWriter.Files(course));
    /// <summary>Over the lesson's text only: renumbering the file (01- → 02-) reorders the course but leaves the lesson unchanged.</summary>
    public static string Of(Lesson lesson) => Of([new NormalisedFile("lesson.md", Encoding.UTF8.GetBytes(ContentMarkdown.Lesson(lesson)))]);
    public static string Of(Material material) => Of(ContentWriter.Files(material));
    public static string Of(QualityStandard standard) => Of([ContentWriter.StandardFile(standard)]);
    public static string OfUnits(IEnumerable<SpecialistUnit> units) => Of([new NormalisedFile(ContentNames.UnitsFile, Encoding.UTF8.GetBytes(ContentWriter.UnitsYaml(units)))]);

    public static string Of(IEnumerable<NormalisedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // Length prefixes keep (path, content) pairs apart: "a" + "bc" must not hash like "ab" + "c".
            foreach (var part in new[] { Encoding.UTF8.GetBytes(file.Path), file.Content })
            {
                BinaryPrimitives.WriteInt64LittleEndian(length, part.Length);
                hash.AppendData(length);
                hash.AppendData(part);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
