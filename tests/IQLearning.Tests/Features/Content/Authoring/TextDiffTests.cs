using IQLearning.Web.Features.Content.Authoring;

namespace IQLearning.Tests.Features.Content.Authoring;

public sealed class TextDiffTests
{
    [Fact]
    public void Marks_removed_added_and_unchanged_lines_with_their_numbers()
    {
        var diff = TextDiff.Lines("a\nb\nc", "a\nx\nc\nd");

        Assert.Equal(
            [(DiffKind.Same, "a"), (DiffKind.Removed, "b"), (DiffKind.Added, "x"), (DiffKind.Same, "c"), (DiffKind.Added, "d")],
            diff.Select(d => (d.Kind, d.Text)));
        Assert.Equal((2, null), (diff[1].OldNumber, diff[1].NewNumber));
        Assert.Equal((null, 4), (diff[4].OldNumber, diff[4].NewNumber));
    }

    [Fact]
    public void Equal_texts_have_only_unchanged_lines_and_line_endings_do_not_count() =>
        Assert.All(TextDiff.Lines("eins\r\nzwei", "eins\nzwei"), d => Assert.Equal(DiffKind.Same, d.Kind));

    [Fact]
    public void From_or_to_empty_everything_is_added_or_removed()
    {
        Assert.All(TextDiff.Lines("", "a\nb"), d => Assert.Equal(DiffKind.Added, d.Kind));
        Assert.All(TextDiff.Lines("a\nb", ""), d => Assert.Equal(DiffKind.Removed, d.Kind));
    }
}
