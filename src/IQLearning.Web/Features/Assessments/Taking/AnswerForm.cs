using IQLearning.Web.Features.Assessments.Questions;
using Microsoft.Extensions.Primitives;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>A field of the answer form that cannot be stored, with the text key of the reason.</summary>
public sealed record AnswerProblem(string QuestionId, string TextKey);

/// <summary>
/// Reads the posted answer form. Every question on the form is listed in a hidden <c>shown</c> field, so a
/// question whose radios or boxes are all cleared is recorded as unanswered, while questions not on the form
/// (autosave of one fieldset) stay as they were. Answers are <c>answer.{id}</c>, matching pairs <c>answer.{id}.{pair}</c>.
/// </summary>
public static class AnswerForm
{
    public const string Prefix = "answer.";
    public const string ShownField = "shown";
    private const int MaxTextLength = 500;
    private const int MaxEssayLength = 20_000;

    public static (Dictionary<string, string[]> Changes, List<AnswerProblem> Problems) Read(
        IEnumerable<KeyValuePair<string, StringValues>> form, QuizVersion quiz, IReadOnlySet<string> attemptQuestions)
    {
        var fields = form.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal) || f.Key == ShownField).ToList();
        var problems = new List<AnswerProblem>();
        var touched = new HashSet<string>(fields.Where(f => f.Key == ShownField).SelectMany(f => f.Value).OfType<string>());
        foreach (var field in fields.Where(f => f.Key != ShownField))
            touched.Add(QuestionIdOf(field.Key));
        var changes = new Dictionary<string, string[]>();
        foreach (var id in touched)
        {
            if (!attemptQuestions.Contains(id) || quiz.Find(id) is not { } question)
            {
                problems.Add(new AnswerProblem(id, "Assessments.Quiz.UnknownQuestion"));
                continue;
            }
            var (values, problem) = Values(question, fields);
            if (problem is not null) problems.Add(new AnswerProblem(id, problem));
            else changes[id] = values;
        }
        return (changes, problems);
    }

    private static string QuestionIdOf(string key)
    {
        var rest = key[Prefix.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static string[] Posted(List<KeyValuePair<string, StringValues>> fields, string key) =>
        fields.Where(f => f.Key == key).SelectMany(f => f.Value).Select(v => v ?? "").ToArray();

    private static (string[] Values, string? Problem) Values(Question question, List<KeyValuePair<string, StringValues>> fields)
    {
        var key = Prefix + question.Id;
        var posted = Posted(fields, key).Where(v => v.Length > 0).ToArray();
        // Only matching questions have per-pair fields; anything else with a suffix is a tampered form.
        var pairFields = fields.Where(f => f.Key.StartsWith(key + ".", StringComparison.Ordinal)).ToList();
        if (pairFields.Count > 0 && question is not MatchingQuestion) return ([], "Assessments.Quiz.InvalidAnswer");
        return question switch
        {
            SingleChoiceQuestion single => Choices(posted, single.Choices.Count, max: 1),
            MultipleResponseQuestion multiple => Choices(posted, multiple.Choices.Count, max: multiple.Choices.Count),
            TrueFalseQuestion => posted.Length == 0 || (posted.Length == 1 && posted[0] is "true" or "false")
                ? (posted, null) : ([], "Assessments.Quiz.InvalidAnswer"),
            MatchingQuestion matching => Matching(matching, pairFields),
            ShortAnswerQuestion => Text(posted, MaxTextLength),
            NumericalQuestion => Text(posted, MaxTextLength),
            EssayQuestion => Text(posted, MaxEssayLength),
            _ => posted.Length == 0 ? ([], null) : ([], "Assessments.Quiz.InvalidAnswer"),
        };
    }

    private static (string[], string?) Choices(string[] posted, int count, int max)
    {
        var positions = posted.Select(p => int.TryParse(p, out var i) ? i : -1).ToList();
        if (positions.Count > max || positions.Any(i => i < 0 || i >= count) || positions.Distinct().Count() != positions.Count)
            return ([], "Assessments.Quiz.InvalidAnswer");
        return (positions.Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), null);
    }

    private static (string[], string?) Matching(MatchingQuestion question, List<KeyValuePair<string, StringValues>> pairFields)
    {
        var values = new string[question.Pairs.Count];
        Array.Fill(values, "");
        var options = question.AnswerOptions.ToHashSet(StringComparer.Ordinal);
        foreach (var field in pairFields)
        {
            var suffix = field.Key[(field.Key.LastIndexOf('.') + 1)..];
            var answer = field.Value.Count == 1 ? field.Value[0] ?? "" : null;
            if (!int.TryParse(suffix, out var pair) || pair < 0 || pair >= values.Length || question.Pairs[pair].IsDistractor
                || answer is null || (answer.Length > 0 && !options.Contains(answer)))
                return ([], "Assessments.Quiz.InvalidAnswer");
            values[pair] = answer;
        }
        return (values, null);
    }

    private static (string[], string?) Text(string[] posted, int maxLength) =>
        posted.Length > 1 || posted.Any(p => p.Length > maxLength) ? ([], "Assessments.Quiz.TooLong") : (posted, null);
}
