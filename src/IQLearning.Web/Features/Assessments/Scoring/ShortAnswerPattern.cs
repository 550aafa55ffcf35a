using System.Text;
using System.Text.RegularExpressions;

namespace IQLearning.Web.Features.Assessments.Scoring;

/// <summary>
/// Moodle's short-answer comparison: the response is trimmed, both sides Unicode-normalised, <c>*</c> in the
/// accepted answer matches any characters (<c>\*</c> a literal star), and case is ignored unless asked for.
/// </summary>
public static class ShortAnswerPattern
{
    public static bool Matches(string acceptedAnswer, string response, bool caseSensitive)
    {
        var options = RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        return Regex.IsMatch(response.Trim().Normalize(NormalizationForm.FormC), ToRegex(acceptedAnswer.Normalize(NormalizationForm.FormC)), options);
    }

    private static string ToRegex(string acceptedAnswer)
    {
        var pattern = new StringBuilder("^");
        var literal = new StringBuilder();
        for (var i = 0; i < acceptedAnswer.Length; i++)
        {
            if (acceptedAnswer[i] == '\\' && i + 1 < acceptedAnswer.Length && acceptedAnswer[i + 1] == '*') { literal.Append('*'); i++; }
            else if (acceptedAnswer[i] != '*') literal.Append(acceptedAnswer[i]);
            else
            {
                pattern.Append(Regex.Escape(literal.ToString())).Append(".*");
                literal.Clear();
            }
        }
        return pattern.Append(Regex.Escape(literal.ToString())).Append('$').ToString();
    }
}
