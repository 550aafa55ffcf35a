using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// Imports Moodle GIFT. Questions are separated by blank lines; every broken question is reported with
/// file and line, and a file with any error yields no question at all.
/// </summary>
public static class GiftParser
{
    public static GiftParseResult ParseFile(string path, GiftParseOptions? options = null) =>
        Parse(Path.GetFileName(path), File.ReadAllText(path), options);

    public static GiftParseResult Parse(string file, string content, GiftParseOptions? options = null)
    {
        options ??= GiftParseOptions.Moodle;
        var questions = new List<Question>();
        var errors = new List<GiftError>();
        var firstLineById = new Dictionary<string, int>();
        var category = string.Empty;
        foreach (var block in GiftBlock.Split(content))
        {
            try
            {
                if (GiftQuestionReader.IsCategory(block)) { category = GiftQuestionReader.ReadCategory(block); continue; }
                var question = GiftQuestionReader.Read(block, category);
                errors.AddRange(ContentRules(file, block.FirstLine, question, options, firstLineById));
                questions.Add(question);
            }
            catch (GiftSyntaxException problem)
            {
                errors.Add(new GiftError(file, block.LineAt(problem.Offset), problem.Message));
            }
        }
        return GiftParseResult.From(questions, errors);
    }

    private static IEnumerable<GiftError> ContentRules(
        string file, int line, Question question, GiftParseOptions options, Dictionary<string, int> firstLineById)
    {
        if (options.RequireTitles && question.Title is null)
            yield return new GiftError(file, line, "expected a ::title:: before the question text (the title makes the question's stable id)");
        if (!options.RequireUniqueIds) yield break;
        if (firstLineById.TryGetValue(question.Id, out var first))
            yield return new GiftError(file, line, $"expected a title not used before in this category; the question at line {first} has the same id");
        else firstLineById[question.Id] = line;
    }
}
