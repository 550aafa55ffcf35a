using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Tests.Features.Assessments.Gift;

/// <summary>Short constructors for the questions the tests expect; format Moodle unless said otherwise.</summary>
internal static class ExpectedQuestions
{
    public static FormattedText M(string text) => new(text, TextFormat.Moodle);

    public static Choice C(string text, decimal weight, string feedback = "") => new(M(text), weight, M(feedback));

    public static AcceptedAnswer A(string text, decimal weight, string feedback = "") => new(text, weight, M(feedback));

    public static NumericalAnswer N(decimal? value, decimal tolerance, decimal weight, string feedback = "") =>
        new(value, tolerance, weight, M(feedback));

    public static MatchingPair P(string prompt, string answer) => new(M(prompt), answer);

    public static SingleChoiceQuestion Single(string text, params Choice[] choices) => new(new(choices)) { Text = M(text) };

    public static MultipleResponseQuestion Multiple(string text, params Choice[] choices) => new(new(choices)) { Text = M(text) };

    public static ShortAnswerQuestion Short(string text, params AcceptedAnswer[] answers) => new(new(answers)) { Text = M(text) };

    public static NumericalQuestion Numerical(string text, params NumericalAnswer[] answers) => new(new(answers)) { Text = M(text) };

    public static MatchingQuestion Matching(string text, params MatchingPair[] pairs) => new(new(pairs)) { Text = M(text) };

    public static TrueFalseQuestion TrueFalse(string text, bool correct, string whenTrue = "", string whenFalse = "") =>
        new(correct, M(whenTrue), M(whenFalse)) { Text = M(text) };
}
