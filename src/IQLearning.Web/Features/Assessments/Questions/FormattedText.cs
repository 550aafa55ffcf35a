namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>How a text is to be rendered; the names are GIFT's <c>[moodle]</c>, <c>[html]</c>, <c>[markdown]</c>, <c>[plain]</c> tags.</summary>
public enum TextFormat
{
    Moodle,
    Html,
    Markdown,
    Plain,
}

/// <summary>A text together with the format it is written in.</summary>
public sealed record FormattedText(string Text, TextFormat Format)
{
    public static FormattedText Empty(TextFormat format) => new(string.Empty, format);

    public bool IsEmpty => Text.Length == 0;
}
