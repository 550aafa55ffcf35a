using IQLearning.Web.Features.Assessments.Scenarios;

namespace IQLearning.Tests.Features.Assessments.Scenarios;

public sealed class ScenarioReaderTests
{
    // Line numbers in the tests below refer to this text (line 1 = "id: …").
    private const string Valid = """
        id: ikhr-bewerbungsgespraech
        title: Das Bewerbungsgespräch
        language: de
        start: gespraech
        steps:
          - id: gespraech
            situation: |
              Frau Yilmaz führt ein Gespräch mit Herrn Demir …
            options:
              - text: Der Bewerber ist unhöflich.
                explanation: Diese Deutung liegt nahe, übersieht aber …
                fitting: false
                next: nachfrage
              - text: Er zeigt Respekt.
                explanation: In vielen Kulturen …
                fitting: true
              - text: Er ist nervös.
                explanation: Möglich, aber …
          - id: nachfrage
            situation: Frau Yilmaz fragt nach.
            options:
              - text: Sie fragt offen.
                explanation: Gut.
              - text: Sie bricht ab.
                explanation: Schade.
                next: gespraech
              - text: Sie wechselt das Thema.
                explanation: Vertane Chance.
        """;

    private static IReadOnlyList<ScenarioError> Errors(string yaml)
    {
        var result = ScenarioReader.Read("gespraech.scenario.yml", yaml);
        Assert.Null(result.Scenario);
        Assert.All(result.Errors, error => Assert.Equal("gespraech.scenario.yml", error.File));
        return result.Errors;
    }

    private static void AssertError(string yaml, int line, string expected)
    {
        var errors = Errors(yaml);
        Assert.Contains(errors, error => error.Line == line && error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_scenario_reads_with_its_steps_options_and_ends()
    {
        var result = ScenarioReader.Read("gespraech.scenario.yml", Valid);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var scenario = result.Scenario!;
        Assert.Equal(("ikhr-bewerbungsgespraech", "Das Bewerbungsgespräch", "de", "gespraech"), (scenario.Id, scenario.Title, scenario.Language, scenario.Start));
        Assert.Equal(["gespraech", "nachfrage"], scenario.Steps.Select(step => step.Id));
        var first = scenario.Step("gespraech")!;
        Assert.Equal("Frau Yilmaz führt ein Gespräch mit Herrn Demir …", first.Situation);
        Assert.Equal([false, true, null], first.Options.Select(option => option.Fitting));
        Assert.Equal(["nachfrage", null, null], first.Options.Select(option => option.Next));
        Assert.Equal((6, 10), (first.Line, first.Options[0].Line));
    }

    [Fact]
    public void Next_naming_no_step_is_a_dangling_link_at_its_line()
    {
        AssertError(Valid.Replace("next: nachfrage", "next: nachfragen"), 13, "next names no step: 'nachfragen'");
    }

    [Fact]
    public void Start_naming_no_step_is_an_error_at_its_line()
    {
        AssertError(Valid.Replace("start: gespraech", "start: anfang"), 4, "start names no step: 'anfang'");
    }

    [Fact]
    public void Step_that_cannot_be_reached_from_start_is_an_error_at_the_step()
    {
        var yaml = Valid.Replace("    next: nachfrage\n", "\n");

        AssertError(yaml, 19, "step 'nachfrage' cannot be reached from start 'gespraech'");
    }

    [Fact]
    public void Cycle_without_an_end_traps_the_learner_and_is_reported_for_every_step_in_it()
    {
        var yaml = Valid
            .Replace("fitting: true\n", "fitting: true\n        next: nachfrage\n")
            .Replace("explanation: Möglich, aber …\n", "explanation: Möglich, aber …\n        next: nachfrage\n")
            .Replace("explanation: Gut.\n", "explanation: Gut.\n        next: gespraech\n")
            .Replace("explanation: Vertane Chance.", "explanation: Vertane Chance.\n        next: gespraech");

        var errors = Errors(yaml);

        Assert.Equal([(6, "gespraech"), (21, "nachfrage")],
            errors.Select(error => (error.Line, error.Message.Split('\'')[1])));
        Assert.All(errors, error => Assert.Contains("reaches an end", error.Message));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void Step_needs_three_to_five_options(int count)
    {
        var options = string.Concat(Enumerable.Range(1, count).Select(i => $"\n      - text: Option {i}\n        explanation: Weil {i}."));
        var yaml = $"id: kurz\ntitle: Kurz\nlanguage: de\nstart: a\nsteps:\n  - id: a\n    situation: Etwas passiert.\n    options:{options}";

        AssertError(yaml, 9, $"expected 3 to 5 options in step 'a', got {count}");
    }

    [Theory]
    [InlineData("title: Das Bewerbungsgespräch", "title: Das Bewerbungsgespräch\nautor: X", 3, "unknown key 'autor'")]
    [InlineData("    situation: |", "    situaton: |", 7, "unknown key 'situaton'")]
    [InlineData("        fitting: false", "        fiting: false", 12, "unknown key 'fiting' (expected one of: text, explanation, fitting, next)")]
    public void Unknown_key_is_an_error_at_its_line(string original, string changed, int line, string expected)
    {
        AssertError(Valid.Replace(original, changed), line, expected);
    }

    [Fact]
    public void Missing_key_and_blank_text_are_errors_and_all_errors_are_collected()
    {
        var yaml = Valid
            .Replace("language: de\n", "")
            .Replace("explanation: In vielen Kulturen …", "explanation: \"  \"")
            .Replace("fitting: false", "fitting: vielleicht");

        var errors = Errors(yaml);

        Assert.Equal(
        [
            (1, "missing required key 'language'"),
            (11, "expected true or false for 'fitting'"),
            (14, "expected a non-empty 'explanation'"),
        ], errors.Select(error => (error.Line, error.Message)));
    }

    [Fact]
    public void Step_ids_must_be_unique()
    {
        AssertError(Valid.Replace("- id: nachfrage", "- id: gespraech"), 19, "duplicate step id 'gespraech' (first used at line 6)");
    }

    [Fact]
    public void Id_must_be_a_slug_and_language_de_or_en()
    {
        var errors = Errors(Valid.Replace("id: ikhr-bewerbungsgespraech", "id: Bewerbung_1").Replace("language: de", "language: fr"));

        Assert.Equal([1, 3], errors.Select(error => error.Line));
    }

    [Theory]
    [InlineData("id: x\ntitle: [unclosed\nlanguage: de\n", 2)]
    [InlineData("id: x\nlanguage: de\ntitle: a: b\n", 3)]
    public void Broken_yaml_is_reported_with_its_line(string yaml, int line)
    {
        AssertError(yaml, line, "expected valid YAML");
    }

    [Fact]
    public void Duplicate_key_is_reported_with_its_line()
    {
        var errors = Errors(Valid.Replace("language: de", "language: de\nlanguage: en"));

        Assert.Equal(4, Assert.Single(errors).Line);
    }
}
