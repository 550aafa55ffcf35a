using IQLearning.Web.Features.Content.Markdown;

namespace IQLearning.Tests.Features.Content.Markdown;

public sealed class XssCorpusTests
{
    private const string CorpusPath = "tests/IQLearning.Tests/Features/Content/xss-corpus.txt";

    public static TheoryData<string> Payloads => new(ReadCorpus());

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_renders_without_anything_that_can_run(string payload)
    {
        HtmlSafety.AssertSafe(MarkdownRenderer.Shared.Render(payload, "de"));
    }

    [Fact]
    public void Corpus_has_at_least_50_payloads()
    {
        Assert.True(ReadCorpus().Count >= 50);
    }

    [Fact]
    public void Safety_check_itself_catches_what_it_looks_for()
    {
        // Without this, a broken check would let every payload pass.
        foreach (var unsafeHtml in new[]
        {
            "<script>x</script>", "<img src=x onerror=y>", "<a href=\"java\tscript:x\">x</a>", "<p style=\"color:red\">x</p>",
            "<iframe></iframe>", "<form></form>", "<img src=\"data:text/html,x\">",
        })
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => HtmlSafety.AssertSafe(unsafeHtml));
    }

    /// <summary>The corpus lives beside this test in the source tree; the test run starts under bin/, so walk up to it.</summary>
    private static List<string> ReadCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, CorpusPath);
            if (File.Exists(path))
                return File.ReadAllLines(path)
                    .Where(line => line.Length > 0 && !line.StartsWith("%%", StringComparison.Ordinal))
                    .Select(line => line.Replace("\\n", "\n"))
                    .ToList();
        }
        throw new FileNotFoundException($"{CorpusPath} not found above {AppContext.BaseDirectory}");
    }
}
