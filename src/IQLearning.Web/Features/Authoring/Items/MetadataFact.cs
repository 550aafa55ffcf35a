using System.Globalization;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>One kind-specific field of a version as label key and text, for the item page.</summary>
public sealed record MetadataFact(string LabelKey, string Value)
{
    public static IReadOnlyList<MetadataFact> Of(ContentKind kind, ContentVersion version, IStringLocalizer t)
    {
        string Audiences(IEnumerable<string> values) => List(values.Select(a => t[$"Authoring.Audience.{a}"].Value));
        static string List(IEnumerable<string> values) => string.Join(", ", values);
        static string Number(int value) => value.ToString(CultureInfo.CurrentCulture);
        switch (kind)
        {
            case ContentKind.Lesson:
                var lesson = version.Read<LessonMetadata>();
                return [new("FileName", lesson.FileName), new("DurationMinutes", Number(lesson.DurationMinutes)),
                    new("LessonRequired", t[lesson.Required ? "Common.Yes" : "Common.No"])];
            case ContentKind.Course:
                var course = version.Read<CourseMetadata>();
                return [new("Audiences", Audiences(course.Audiences)), new("Topics", List(course.Topics)), new("DurationMinutes", Number(course.DurationMinutes)),
                    new("Outcomes", string.Join("\n", course.Outcomes)), new("Standards", List(course.Standards)),
                    new("PassMark", Number(course.PassMark)), new("ValidityMonths", Number(course.ValidityMonths)),
                    new("Modules", string.Join("\n", course.Modules.Select(m => $"{m.Title}: {List(m.Lessons)}")))];
            case ContentKind.Material:
                var material = version.Read<MaterialMetadata>();
                return [new("Audiences", Audiences(material.Audiences)), new("Topics", List(material.Topics)),
                    new("Attachments", List(material.Attachments.Select(a => a.File)))];
            case ContentKind.Standard:
                var standard = version.Read<StandardMetadata>();
                return [new("Code", standard.Code), new("StandardVersion", standard.Version),
                    new("ValidFrom", standard.ValidFrom?.ToString("d", CultureInfo.CurrentCulture) ?? "–")];
            case ContentKind.Assessment or ContentKind.Scenario:
                return [new("SourceFile", version.Read<SourceFileMetadata>().FileName)];
            default:
                return [];
        }
    }
}
