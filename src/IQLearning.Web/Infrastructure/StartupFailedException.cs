namespace IQLearning.Web.Infrastructure;

/// <summary>The site cannot start because of one setting; the message names it, for one clear log line.</summary>
public sealed class StartupFailedException(string setting, string problem) : Exception($"{setting}: {problem}")
{
    public string Setting { get; } = setting;
}
