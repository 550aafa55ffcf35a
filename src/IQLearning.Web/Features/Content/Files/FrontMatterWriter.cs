using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// Writes YAML in the one layout of docs/content-format.md: block mappings, slug lists in flow style
/// (<c>[a, b]</c>), text lists as indented block lists. YamlDotNet's emitter does the quoting, so any text is
/// written as valid YAML; text that another YAML reader would take for a number, boolean or null is quoted.
/// </summary>
internal sealed partial class FrontMatterWriter
{
    private readonly StringWriter _text = new();
    private readonly Emitter _emitter;

    private FrontMatterWriter()
    {
        _emitter = new Emitter(_text, new EmitterSettings(2, int.MaxValue, false, 1024, false, true));
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart(null, null, true));
    }

    public static string Mapping(Action<FrontMatterWriter> write) =>
        new FrontMatterWriter().Block(write).Finish();

    public static string ListOfMappings<T>(IEnumerable<T> items, Action<FrontMatterWriter, T> write)
    {
        var writer = new FrontMatterWriter();
        writer.Blocks(items, write);
        return writer.Finish();
    }

    public FrontMatterWriter Text(string key, string? value) => value is null ? this : Pair(key, value, StyleOf(value));
    public FrontMatterWriter Slug(string key, string? value) => value is null ? this : Pair(key, value, ScalarStyle.Plain);
    public FrontMatterWriter Quoted(string key, string value) => Pair(key, value, ScalarStyle.DoubleQuoted);
    public FrontMatterWriter Number(string key, int value) => Pair(key, value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain);
    public FrontMatterWriter Flag(string key, bool value) => Pair(key, value ? "true" : "false", ScalarStyle.Plain);
    public FrontMatterWriter Date(string key, DateOnly value) => Pair(key, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ScalarStyle.Plain);

    public FrontMatterWriter Slugs(string key, IEnumerable<string> values) => List(key, values, SequenceStyle.Flow, _ => ScalarStyle.Plain);
    public FrontMatterWriter Texts(string key, IEnumerable<string> values) => List(key, values, SequenceStyle.Block, StyleOf);

    /// <summary>Optional keys without a value are left out rather than written empty.</summary>
    public FrontMatterWriter If(bool condition, Func<FrontMatterWriter, FrontMatterWriter> write) => condition ? write(this) : this;

    public FrontMatterWriter Nested(string key, Action<FrontMatterWriter> write)
    {
        Scalar(key, ScalarStyle.Plain);
        return Block(write);
    }

    public FrontMatterWriter Nested<T>(string key, IEnumerable<T> items, Action<FrontMatterWriter, T> write)
    {
        Scalar(key, ScalarStyle.Plain);
        Blocks(items, write);
        return this;
    }

    private FrontMatterWriter Block(Action<FrontMatterWriter> write)
    {
        _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
        write(this);
        _emitter.Emit(new MappingEnd());
        return this;
    }

    private void Blocks<T>(IEnumerable<T> items, Action<FrontMatterWriter, T> write)
    {
        _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
        foreach (var item in items) Block(w => write(w, item));
        _emitter.Emit(new SequenceEnd());
    }

    private FrontMatterWriter List(string key, IEnumerable<string> values, SequenceStyle style, Func<string, ScalarStyle> styleOf)
    {
        Scalar(key, ScalarStyle.Plain);
        _emitter.Emit(new SequenceStart(null, null, true, style));
        foreach (var value in values) Scalar(value, styleOf(value));
        _emitter.Emit(new SequenceEnd());
        return this;
    }

    private FrontMatterWriter Pair(string key, string value, ScalarStyle style)
    {
        Scalar(key, ScalarStyle.Plain);
        Scalar(value, style);
        return this;
    }

    private void Scalar(string value, ScalarStyle style) => _emitter.Emit(new Scalar(null, null, value, style, true, true));

    private string Finish()
    {
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
        return _text.ToString().Replace("\r\n", "\n");
    }

    /// <summary>Double quotes for text a YAML reader could take for something else, or that spans lines.</summary>
    private static ScalarStyle StyleOf(string value) =>
        value.Contains('\n') || value != value.Trim() || LooksTyped().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;

    [GeneratedRegex(@"^(?i:null|~|true|false|yes|no|on|off|y|n|\.inf|\.nan)$|^[-+.]?[0-9]|^$")]
    private static partial Regex LooksTyped();
}
