using IQLearning.Web.Features.Assessments.Gift;
using IQLearning.Web.Features.Assessments.Scenarios;
using IQLearning.Web.Features.Content.Files;

namespace IQLearning.Web.Features.Content.Import;

/// <summary>
/// What the file reader leaves to the assessments feature: every GIFT file parses under the content rules and
/// every scenario passes its checks; scenario ids are unique. Errors keep file and line.
/// </summary>
public static class ContentImportCheck
{
    public static IReadOnlyList<ContentError> Check(ContentPackage package)
    {
        var errors = new List<ContentError>();
        var scenarioIds = new Dictionary<string, string>();
        foreach (var course in package.Courses)
        {
            var folder = $"courses/{course.Slug}";
            if (course.Assessment is { } gift)
            {
                var parsed = GiftParser.Parse($"{folder}/{gift.FileName}", gift.Text, GiftParseOptions.Content);
                errors.AddRange(parsed.Errors.Select(e => new ContentError(e.File, e.Line, "", e.Message)));
            }
            foreach (var file in course.Scenarios)
            {
                var path = $"{folder}/{file.FileName}";
                var read = ScenarioReader.Read(path, file.Text);
                errors.AddRange(read.Errors.Select(e => new ContentError(e.File, e.Line, "", e.Message)));
                if (read.Scenario is { } scenario && !scenarioIds.TryAdd(scenario.Id, path))
                    errors.Add(new ContentError(path, 1, "id", $"scenario id '{scenario.Id}' is already used by {scenarioIds[scenario.Id]}"));
            }
        }
        return errors;
    }
}
