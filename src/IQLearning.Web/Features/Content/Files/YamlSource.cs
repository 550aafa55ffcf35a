using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>A YAML text inside a content file: turns YAML positions into file lines and reports errors there.</summary>
internal sealed partial class YamlSource(string file, int lineOffset, ContentErrors errors)
{
    public string File => file;
    public ContentErrors Errors => errors;

    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

    public void Error(YamlNode node, string field, string message) => errors.Add(file, LineOf(node), field, message);

    public void Error(int line, string field, string message) => errors.Add(file, line, field, message);

    /// <summary>The root node, or null (with an error) when the YAML cannot be parsed. An empty text is an empty mapping.</summary>
    public YamlNode? Load(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        // An error found at the end of the text (an unclosed [ or ") belongs to the last line, not the closing '---'.
        var lastLine = yaml.TrimEnd().Count(c => c == '\n') + 1;
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            errors.Add(file, (int)Math.Min(e.Start.Line, lastLine) + lineOffset, "", $"Invalid YAML: {PositionPrefix().Replace(e.Message, "")}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this instead of a YamlException for some unclosed flow collections.
            var line = (int)Math.Min(parser.Current?.End.Line ?? 1, lastLine) + lineOffset;
            errors.Add(file, line, "", "Invalid YAML: a list or mapping in [ ] or { } is not closed.");
        }
        return null;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
