using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IQLearning.Web.Features.Assessments.SelfAssessment;

/// <summary>Reads and checks a self-assessment file; every problem is reported with the file name, and a broken file gives no instrument.</summary>
public static partial class InstrumentReader
{
    public const int MinItems = 10, MaxItems = 16, MinDimensions = 3, MaxDimensions = 4;

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public static (SelfAssessmentInstrument? Instrument, IReadOnlyList<string> Errors) Read(string fileName, string yaml)
    {
        var slug = Path.GetFileNameWithoutExtension(fileName);
        var errors = new List<string>();
        if (!Slug().IsMatch(slug)) errors.Add($"{fileName}: the file name must be <slug>.yml (lower-case letters, digits and '-')");
        InstrumentFile? file = null;
        try { file = Yaml.Deserialize<InstrumentFile>(yaml); }
        catch (YamlException problem) { errors.Add($"{fileName}:{problem.Start.Line}: {problem.InnerException?.Message ?? problem.Message}"); }
        if (file is null) return (null, errors.Count > 0 ? errors : [$"{fileName}: the file is empty"]);

        var instrument = new SelfAssessmentInstrument(slug, Text(file.Title, "title", errors), Text(file.Introduction, "introduction", errors),
            (file.Scale ?? []).Select((label, i) => Text(label, $"scale[{i}]", errors)).ToList(),
            (file.Dimensions ?? []).Select((d, i) => Dimension(d, i, errors)).ToList());
        Check(instrument, errors);
        return errors.Count == 0 ? (instrument, []) : (null, errors.Select(e => e.StartsWith(fileName) ? e : $"{fileName}: {e}").ToList());
    }

    private static LikertDimension Dimension(DimensionFile d, int index, List<string> errors) =>
        new(Id(d.Id, $"dimensions[{index}].id", errors), Text(d.Title, $"dimensions[{index}].title", errors),
            Text(d.Description, $"dimensions[{index}].description", errors),
            (d.Items ?? []).Select((item, i) => new LikertItem(Id(item.Id, $"dimensions[{index}].items[{i}].id", errors),
                Text(item.Text, $"dimensions[{index}].items[{i}].text", errors), item.Reverse)).ToList());

    private static void Check(SelfAssessmentInstrument instrument, List<string> errors)
    {
        var scale = SelfAssessmentInstrument.ScaleMax - SelfAssessmentInstrument.ScaleMin + 1;
        if (instrument.ScaleLabels.Count != scale) errors.Add($"scale: expected {scale} labels, got {instrument.ScaleLabels.Count}");
        if (instrument.Dimensions.Count is < MinDimensions or > MaxDimensions)
            errors.Add($"dimensions: expected {MinDimensions} to {MaxDimensions}, got {instrument.Dimensions.Count}");
        var items = instrument.Items.ToList();
        if (items.Count is < MinItems or > MaxItems) errors.Add($"items: expected {MinItems} to {MaxItems} in all, got {items.Count}");
        foreach (var id in instrument.Dimensions.Select(d => d.Id).Concat(items.Select(i => i.Id)).GroupBy(id => id).Where(g => g.Count() > 1))
            errors.Add($"the id '{id.Key}' is used more than once");
        foreach (var dimension in instrument.Dimensions.Where(d => d.Items.Count == 0))
            errors.Add($"dimension '{dimension.Id}' has no items");
    }

    private static string Id(string? id, string field, List<string> errors)
    {
        if (id is null || !Slug().IsMatch(id)) errors.Add($"{field}: expected an id of lower-case letters, digits and '-', got '{id}'");
        return id ?? "";
    }

    private static LocalText Text(LocalTextFile? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text?.De) || string.IsNullOrWhiteSpace(text.En)) errors.Add($"{field}: expected a text in de and en");
        return new LocalText(text?.De?.Trim() ?? "", text?.En?.Trim() ?? "");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    private sealed class InstrumentFile
    {
        public LocalTextFile? Title { get; set; }
        public LocalTextFile? Introduction { get; set; }
        public List<LocalTextFile>? Scale { get; set; }
        public List<DimensionFile>? Dimensions { get; set; }
    }

    private sealed class DimensionFile
    {
        public string? Id { get; set; }
        public LocalTextFile? Title { get; set; }
        public LocalTextFile? Description { get; set; }
        public List<ItemFile>? Items { get; set; }
    }

    private sealed class ItemFile
    {
        public string? Id { get; set; }
        public LocalTextFile? Text { get; set; }
        public bool Reverse { get; set; }
    }

    private sealed class LocalTextFile
    {
        public string? De { get; set; }
        public string? En { get; set; }
    }
}
