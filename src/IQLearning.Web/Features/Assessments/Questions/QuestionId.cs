using System.Security.Cryptography;
using System.Text;

namespace IQLearning.Web.Features.Assessments.Questions;

/// <summary>
/// The stable id of a question: <c>q-</c> followed by the first 20 hex digits of the SHA-256 of
/// <c>category + U+001F + "title:" + title</c>, or of <c>category + U+001F + "text:" + question text</c>
/// when the question has no title. Editing the text of a titled question keeps its id, so learners'
/// attempts stay attached; an untitled question gets a new id whenever its text changes, which is why
/// content files give every question a <c>::title::</c>.
/// </summary>
public static class QuestionId
{
    private const char Separator = '\u001F';

    public static string For(string category, string? title, string text)
    {
        var key = title is null
            ? $"{category}{Separator}text:{text}"
            : $"{category}{Separator}title:{title}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "q-" + Convert.ToHexStringLower(hash)[..20];
    }
}
