using System.Globalization;
using System.Text.Json;
using IQLearning.Web.Features.Assessments.Questions;
using IQLearning.Web.Features.Assessments.Scoring;

namespace IQLearning.Web.Features.Assessments.Taking;

/// <summary>
/// The answers of an attempt as stored in <c>AnswersJson</c>: question id → the values as the form sent them
/// (choice positions, "true"/"false", text, a number as typed, or for matching one answer a pair, "" for none).
/// Keeping the raw values means a reload shows exactly what the learner entered, even a number that does not parse.
/// </summary>
public sealed class AttemptAnswers
{
    private readonly Dictionary<string, string[]> _values;

    private AttemptAnswers(Dictionary<string, string[]> values) => _values = values;

    public static AttemptAnswers Parse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? []);

    public string ToJson() => JsonSerializer.Serialize(_values);

    public IReadOnlyList<string> this[string questionId] => _values.GetValueOrDefault(questionId) ?? [];

    public bool IsAnswered(string questionId) => _values.ContainsKey(questionId);

    public void Set(string questionId, string[] values)
    {
        if (values.All(string.IsNullOrWhiteSpace)) _values.Remove(questionId);
        else _values[questionId] = values;
    }

    /// <summary>The learner's response for scoring; null when unanswered or not scorable (a number that does not parse).</summary>
    public LearnerResponse? ResponseTo(Question question)
    {
        var values = this[question.Id];
        if (values.Count == 0) return null;
        return question switch
        {
            SingleChoiceQuestion or MultipleResponseQuestion => new ChoiceResponse(values.Select(int.Parse).ToHashSet()),
            TrueFalseQuestion => new TrueFalseResponse(values[0] == "true"),
            MatchingQuestion => new MatchingResponse(values.Select((answer, index) => (answer, index))
                .Where(v => v.answer.Length > 0).ToDictionary(v => v.index, v => v.answer)),
            NumericalQuestion => ParseNumber(values[0]) is { } number ? new NumberResponse(number) : null,
            ShortAnswerQuestion or EssayQuestion => new TextResponse(values[0]),
            _ => null,
        };
    }

    /// <summary>Accepts a German or English decimal ("2,5" or "2.5"), no thousands separators.</summary>
    public static decimal? ParseNumber(string text)
    {
        var normalised = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }
}
