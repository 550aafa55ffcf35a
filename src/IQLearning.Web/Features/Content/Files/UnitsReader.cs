using YamlDotNet.RepresentationModel;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>Reads <c>units.yml</c>: a list of the specialist units that own content.</summary>
internal static class UnitsReader
{
    public static EquatableList<SpecialistUnit> Read(ReadContext context)
    {
        const string file = ContentNames.UnitsFile;
        if (!File.Exists(context.FullPath(file)))
        {
            context.Errors.Add(file, 0, "", "The file is missing; every content folder lists its specialist units here.");
            return [];
        }
        if (ContentText.Read(context.FullPath(file), file, context.Errors) is not { } text) return [];
        var source = new YamlSource(file, 0, context.Errors);
        switch (source.Load(text))
        {
            case YamlSequenceNode list:
                return list.Children.Select((node, i) => ReadUnit(context, source, node, i)).OfType<SpecialistUnit>().ToEquatableList();
            case { } other:
                source.Error(other, "", "Must be a list of units (each '- slug: …').");
                return [];
            default:
                return [];
        }
    }

    private static SpecialistUnit? ReadUnit(ReadContext context, YamlSource source, YamlNode node, int index)
    {
        if (node is not YamlMappingNode mapping)
        {
            source.Error(node, $"[{index}]", "Each unit must be a mapping with slug, name and description.");
            return null;
        }
        var fields = new YamlFields(mapping, source, $"[{index}]", ContentKeys.Unit);
        var slug = fields.Slug("slug");
        var name = fields.Text("name");
        var description = fields.Text("description", required: false);
        if (slug is not null && !context.Units.Add(slug))
            source.Error(fields.LineOf("slug"), fields.FieldOf("slug"), $"Unit '{slug}' is listed twice.");
        return slug is null || name is null ? null : new SpecialistUnit(slug, name, description);
    }
}
