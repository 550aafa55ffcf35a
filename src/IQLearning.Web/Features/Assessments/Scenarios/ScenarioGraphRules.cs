namespace IQLearning.Web.Features.Assessments.Scenarios;

/// <summary>
/// The rules about how steps link up: ids unique, <c>start</c> and every <c>next</c> name a step, every step
/// can be reached from the start, and from every step some path reaches an end — a learner can never be
/// caught in a loop with no way out.
/// </summary>
internal static class ScenarioGraphRules
{
    public static IEnumerable<ScenarioError> Check(Scenario scenario)
    {
        var steps = new Dictionary<string, ScenarioStep>();
        var problems = new List<ScenarioError>();
        foreach (var step in scenario.Steps.Where(step => step.Id.Length > 0))
            if (!steps.TryAdd(step.Id, step))
                problems.Add(Problem(step.Line, $"duplicate step id '{step.Id}' (first used at line {steps[step.Id].Line})"));
        if (scenario.Start.Length > 0 && !steps.ContainsKey(scenario.Start))
            problems.Add(Problem(scenario.StartLine, $"start names no step: '{scenario.Start}' (expected one of: {Names(steps)})"));
        foreach (var option in steps.Values.SelectMany(step => step.Options).Where(option => option.Next is { Length: > 0 }))
            if (!steps.ContainsKey(option.Next!))
                problems.Add(Problem(option.NextLine, $"next names no step: '{option.Next}' (expected one of: {Names(steps)})"));
        if (steps.ContainsKey(scenario.Start)) problems.AddRange(Unreachable(scenario.Start, steps));
        problems.AddRange(Trapped(steps));
        return problems;
    }

    private static IEnumerable<ScenarioError> Unreachable(string start, Dictionary<string, ScenarioStep> steps)
    {
        var reached = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
            foreach (var next in Successors(steps[id], steps))
                if (reached.Add(next)) queue.Enqueue(next);
        return steps.Values.Where(step => !reached.Contains(step.Id))
            .Select(step => Problem(step.Line, $"step '{step.Id}' cannot be reached from start '{start}'"));
    }

    // Works backwards from the steps that can end: a step escapes when one of its options leads to a step that escapes.
    private static IEnumerable<ScenarioError> Trapped(Dictionary<string, ScenarioStep> steps)
    {
        var escapes = steps.Values.Where(step => step.Options.Any(option => option.EndsScenario)).Select(step => step.Id).ToHashSet();
        for (var grown = true; grown;)
        {
            var more = steps.Values.Where(step => !escapes.Contains(step.Id) && Successors(step, steps).Any(escapes.Contains)).ToList();
            grown = more.Count > 0;
            escapes.UnionWith(more.Select(step => step.Id));
        }
        return steps.Values.Where(step => !escapes.Contains(step.Id))
            .Select(step => Problem(step.Line, $"no path from step '{step.Id}' reaches an end (an option without 'next'); the learner would be caught in a loop"));
    }

    private static IEnumerable<string> Successors(ScenarioStep step, Dictionary<string, ScenarioStep> steps) =>
        step.Options.Select(option => option.Next).OfType<string>().Where(steps.ContainsKey);

    private static string Names(Dictionary<string, ScenarioStep> steps) => string.Join(", ", steps.Keys);

    // The file name is filled in by the reader, which owns it.
    private static ScenarioError Problem(int line, string message) => new(string.Empty, line, message);
}
