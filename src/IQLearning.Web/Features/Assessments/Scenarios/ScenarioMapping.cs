using YamlDotNet.RepresentationModel;

namespace IQLearning.Web.Features.Assessments.Scenarios;

/// <summary>Collects the errors of one file, each with its line.</summary>
internal sealed class ScenarioErrors(string file)
{
    private readonly List<ScenarioError> errors = [];

    public IReadOnlyList<ScenarioError> All => [.. errors.OrderBy(error => error.Line)];

    public int Count => errors.Count;

    public void Add(YamlNode at, string message) => Add(LineOf(at), message);

    public void Add(int line, string message) => errors.Add(new ScenarioError(file, line, message));

    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}

/// <summary>
/// One YAML mapping of a scenario file, read with the rules of docs/content-format.md: a key it does not
/// know is an error (a typo must not be ignored), a required key must be there, text must not be blank.
/// </summary>
internal sealed class ScenarioMapping
{
    private readonly YamlMappingNode node;
    private readonly ScenarioErrors errors;

    public ScenarioMapping(YamlMappingNode node, ScenarioErrors errors, params string[] knownKeys)
    {
        (this.node, this.errors) = (node, errors);
        foreach (var key in node.Children.Keys)
            if (key is not YamlScalarNode { Value: { } name } || !knownKeys.Contains(name))
                errors.Add(key, $"unknown key '{key}' (expected one of: {string.Join(", ", knownKeys)})");
    }

    public int Line => ScenarioErrors.LineOf(node);

    public YamlNode? Value(string key, bool required = true)
    {
        if (node.Children.TryGetValue(new YamlScalarNode(key), out var value)) return value;
        if (required) errors.Add(node, $"missing required key '{key}'");
        return null;
    }

    public string Text(string key, bool required = true) => Text(key, required, out _);

    public string Text(string key, bool required, out int line)
    {
        var value = Value(key, required);
        line = value is null ? Line : ScenarioErrors.LineOf(value);
        if (value is null) return string.Empty;
        if (value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text)) return text.Trim();
        errors.Add(value, value is YamlScalarNode ? $"expected a non-empty '{key}'" : $"expected text for '{key}'");
        return string.Empty;
    }

    public bool? Flag(string key)
    {
        var value = Value(key, required: false);
        if (value is null) return null;
        if (value is YamlScalarNode { Value: "true" or "false" } flag) return flag.Value == "true";
        errors.Add(value, $"expected true or false for '{key}'");
        return null;
    }

    public IReadOnlyList<YamlMappingNode> Mappings(string key)
    {
        var value = Value(key);
        if (value is null) return [];
        if (value is not YamlSequenceNode list)
        {
            errors.Add(value, $"expected a list for '{key}'");
            return [];
        }
        foreach (var item in list.Children.Where(item => item is not YamlMappingNode))
            errors.Add(item, $"expected each entry of '{key}' to be a mapping of keys");
        return [.. list.Children.OfType<YamlMappingNode>()];
    }
}
