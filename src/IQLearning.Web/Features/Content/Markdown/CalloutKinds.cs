namespace IQLearning.Web.Features.Content.Markdown;

/// <summary>The callout kinds of the content format (<c>&gt; [!LAW]</c>) and their visible titles in de and en.</summary>
public static class CalloutKinds
{
    private static readonly Dictionary<string, (string De, string En)> Titles = new(StringComparer.Ordinal)
    {
        ["REFLECTION"] = ("Reflexionsfrage", "Reflection question"),
        ["TIP"] = ("Praxistipp", "Practice tip"),
        ["NOTE"] = ("Hinweis", "Note"),
        ["LAW"] = ("Rechtsgrundlage", "Legal basis"),
        ["EXAMPLE"] = ("Beispiel", "Example"),
    };

    public static IReadOnlyCollection<string> All => Titles.Keys;

    public static bool IsKnown(string kind) => Titles.ContainsKey(kind.ToUpperInvariant());

    /// <summary>The title in the content's language; German for anything but "en", because German is the default.</summary>
    public static string? Title(string kind, string language) =>
        Titles.TryGetValue(kind.ToUpperInvariant(), out var t) ? (language == "en" ? t.En : t.De) : null;
}
