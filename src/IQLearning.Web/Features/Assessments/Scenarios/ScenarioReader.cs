using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IQLearning.Web.Features.Assessments.Scenarios;

/// <summary>
/// Reads and checks a <c>*.scenario.yml</c> file (docs/content-format.md). All errors of the file are
/// collected, each with file and line; a file with any error gives no scenario.
/// </summary>
public static partial class ScenarioReader
{
    private const int MinOptions = 3;
    private const int MaxOptions = 5;

    public static ScenarioReadResult ReadFile(string path) => Read(Path.GetFileName(path), File.ReadAllText(path));

    public static ScenarioReadResult Read(string file, string yaml)
    {
        var errors = new ScenarioErrors(file);
        var root = Load(yaml, errors);
        if (root is null) return new ScenarioReadResult(null, errors.All);
        var scenario = ReadScenario(root, errors);
        foreach (var problem in ScenarioGraphRules.Check(scenario)) errors.Add(problem.Line, problem.Message);
        return errors.Count == 0 ? new ScenarioReadResult(scenario, []) : new ScenarioReadResult(null, errors.All);
    }

    private static YamlMappingNode? Load(string yaml, ScenarioErrors errors)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException problem)
        {
            errors.Add((int)problem.Start.Line, $"expected valid YAML: {problem.InnerException?.Message ?? problem.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this without a position when the text ends inside an open [ or {;
            // the last event it read is the closest line we can name.
            var line = (int)(parser.Current?.Start.Line ?? 1);
            errors.Add(line, "expected valid YAML: the file ends inside a [ ] or { } opened at or after this line");
            return null;
        }
        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root) return root;
        errors.Add(stream.Documents.Count > 1 ? ScenarioErrors.LineOf(stream.Documents[1].RootNode) : 1,
            "expected one YAML document holding a mapping with id, title, language, start and steps");
        return null;
    }

    private static Scenario ReadScenario(YamlMappingNode root, ScenarioErrors errors)
    {
        var file = new ScenarioMapping(root, errors, "id", "title", "language", "start", "steps");
        var id = file.Text("id", true, out var idLine);
        if (id.Length > 0 && !Slug().IsMatch(id))
            errors.Add(idLine, $"expected the id to be a slug (lower-case letters, digits and '-', at most 80 characters), got '{id}'");
        var language = file.Text("language", true, out var languageLine);
        if (language.Length > 0 && language is not ("de" or "en"))
            errors.Add(languageLine, $"expected language de or en, got '{language}'");
        var title = file.Text("title");
        var start = file.Text("start", true, out var startLine);
        var steps = file.Mappings("steps").Select(step => ReadStep(step, errors)).ToList();
        if (steps.Count == 0 && file.Value("steps", required: false) is { } empty)
            errors.Add(empty, "expected at least one step");
        return new Scenario(id, title, language, start, steps) { StartLine = startLine };
    }

    private static ScenarioStep ReadStep(YamlMappingNode node, ScenarioErrors errors)
    {
        var step = new ScenarioMapping(node, errors, "id", "situation", "options");
        var id = step.Text("id");
        var situation = step.Text("situation");
        var options = step.Mappings("options").Select(option => ReadOption(option, errors)).ToList();
        if (step.Value("options", required: false) is YamlSequenceNode list && list.Children.Count is < MinOptions or > MaxOptions)
            errors.Add(list, $"expected {MinOptions} to {MaxOptions} options in step '{id}', got {list.Children.Count}");
        return new ScenarioStep(id, situation, options, step.Line);
    }

    private static ScenarioOption ReadOption(YamlMappingNode node, ScenarioErrors errors)
    {
        var option = new ScenarioMapping(node, errors, "text", "explanation", "fitting", "next");
        var text = option.Text("text");
        var explanation = option.Text("explanation");
        var fitting = option.Flag("fitting");
        var hasNext = option.Value("next", required: false) is not null;
        var next = option.Text("next", required: false, out var nextLine);
        return new ScenarioOption(text, explanation, fitting, hasNext ? next : null, option.Line) { NextLine = nextLine };
    }

    [GeneratedRegex("^(?=.{1,80}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
