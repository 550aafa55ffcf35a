using System.Globalization;
using System.Text.RegularExpressions;
using IQLearning.Web.Features.Assessments.Questions;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>The small pieces every answer is made of: format tags, <c>%weight%</c>, <c>answer#feedback</c>.</summary>
internal static partial class GiftText
{
    // Moodle's grade options (question_bank::fraction_options_full); with "error if grade not listed",
    // Moodle's importer refuses a question whose weight is none of them.
    private static readonly decimal[] MoodleWeights =
        [100, 90, 83.33333m, 80, 75, 70, 66.66667m, 60, 50, 40, 33.33333m, 30, 25, 20, 16.66667m, 14.28571m, 12.5m, 11.11111m, 10, 5, 0];

    /// <summary>
    /// A leading <c>[html]</c>-style tag sets the format, else the text inherits it; an empty text always
    /// inherits, so that an export (which writes no tag for an empty text) reads back the same.
    /// </summary>
    public static FormattedText Formatted(string raw, TextFormat inherited)
    {
        var (format, text) = (inherited, raw);
        var end = raw.IndexOf(']');
        if (raw.StartsWith('[') && end > 0 && FormatNamed(raw[1..end]) is { } named)
            (format, text) = (named, raw[(end + 1)..]);
        text = GiftEscapes.Reveal(text).Trim();
        return text.Length == 0 ? FormattedText.Empty(inherited) : new FormattedText(text, format);
    }

    public static TextFormat? FormatNamed(string name) => name switch
    {
        "moodle" => TextFormat.Moodle,
        "html" => TextFormat.Html,
        "markdown" => TextFormat.Markdown,
        "plain" => TextFormat.Plain,
        _ => null,
    };

    public static string TagOf(TextFormat format) => "[" + format.ToString().ToLowerInvariant() + "]";

    /// <summary>Splits <c>answer # feedback</c> at the first <c>#</c>.</summary>
    public static (FormattedText Answer, FormattedText Feedback) AnswerAndFeedback(GiftPart part, TextFormat inherited)
    {
        var bits = part.SplitAt('#', 2);
        var answer = Formatted(bits[0].Text.Trim(), inherited);
        var feedback = bits.Count > 1 ? Formatted(bits[1].Text.Trim(), inherited) : FormattedText.Empty(inherited);
        return (answer, feedback);
    }

    /// <summary>Takes a leading <c>%n%</c> off the answer; text that only looks like one stays answer text, as in Moodle.</summary>
    public static decimal? TakeWeight(ref GiftPart answer)
    {
        var match = WeightPrefix().Match(answer.Text);
        if (!match.Success) return null;
        var written = answer.Text[1..(match.Length - 1)];
        if (!decimal.TryParse(written, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
            throw new GiftSyntaxException(answer, $"expected a weight such as %50% or %-25%, got '%{written}%'");
        if (!MoodleWeights.Any(known => Math.Abs(Math.Abs(weight) - known) < 0.001m))
            throw new GiftSyntaxException(answer,
                $"expected a weight Moodle accepts ({string.Join(", ", MoodleWeights.Select(w => w.ToString(CultureInfo.InvariantCulture)))} or their negatives), got '%{written}%'");
        answer = answer.From(match.Length);
        return weight;
    }

    [GeneratedRegex(@"^%-*([0-9]{1,2})\.?([0-9]*)%")]
    private static partial Regex WeightPrefix();
}
