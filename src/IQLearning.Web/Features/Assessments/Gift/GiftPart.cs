namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>A piece of a block's text together with where it starts, so an error can name its line.</summary>
internal readonly record struct GiftPart(string Text, int Offset)
{
    public bool IsEmpty => Text.Length == 0;

    public GiftPart Trim()
    {
        var lead = Text.Length - Text.TrimStart().Length;
        return new GiftPart(Text.Trim(), Offset + lead);
    }

    public GiftPart From(int index) => new(Text[index..], Offset + index);

    public GiftPart Until(int index) => new(Text[..index], Offset);

    public int IndexOf(string value) => Text.IndexOf(value, StringComparison.Ordinal);

    public int IndexOf(char value) => Text.IndexOf(value);

    /// <summary>Cuts before every separator; each piece but the first starts with its separator.</summary>
    public List<GiftPart> SplitBefore(string separators)
    {
        var parts = new List<GiftPart>();
        var start = 0;
        for (var i = 0; i < Text.Length; i++)
        {
            if (!separators.Contains(Text[i])) continue;
            parts.Add(new GiftPart(Text[start..i], Offset + start));
            start = i;
        }
        parts.Add(From(start));
        return parts;
    }

    /// <summary>Cuts at the separator into at most <paramref name="count"/> pieces, dropping the separators.</summary>
    public List<GiftPart> SplitAt(char separator, int count = int.MaxValue)
    {
        var parts = new List<GiftPart>();
        var rest = this;
        while (parts.Count < count - 1 && rest.IndexOf(separator) is var at && at >= 0)
        {
            parts.Add(rest.Until(at));
            rest = rest.From(at + 1);
        }
        parts.Add(rest);
        return parts;
    }
}

/// <summary>Thrown inside one block and turned into a <see cref="GiftError"/> for that block.</summary>
internal sealed class GiftSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;

    public GiftSyntaxException(GiftPart part, string message) : this(part.Offset, message)
    {
    }
}
