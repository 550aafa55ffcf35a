namespace IQLearning.Web.Features.Assessments.Scenarios;

/// <summary>
/// A critical incident ("culture assimilator") from a <c>*.scenario.yml</c> file: steps with a situation
/// and 3–5 options; an option leads to another step or, without <c>next</c>, ends the scenario.
/// The <c>Line</c> properties say where an item is written, so later messages can point at it.
/// </summary>
public sealed record Scenario(string Id, string Title, string Language, string Start, IReadOnlyList<ScenarioStep> Steps)
{
    public int StartLine { get; init; }

    public ScenarioStep? Step(string id) => Steps.FirstOrDefault(step => step.Id == id);
}

public sealed record ScenarioStep(string Id, string Situation, IReadOnlyList<ScenarioOption> Options, int Line);

/// <param name="Fitting">Whether the option is a well-founded interpretation; null when the file does not say.</param>
/// <param name="Next">The step it leads to; null when choosing it ends the scenario.</param>
public sealed record ScenarioOption(string Text, string Explanation, bool? Fitting, string? Next, int Line)
{
    public int NextLine { get; init; }

    public bool EndsScenario => Next is null;
}

/// <summary>A problem in a scenario file; <see cref="Line"/> is 1-based.</summary>
public sealed record ScenarioError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Either the scenario, or every error found in the file and no scenario.</summary>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}
