namespace IQLearning.Web.Features.Content.Model;

/// <summary>
/// How a quiz is taken, kept in the assessment item's metadata next to its file name. Missing values take the
/// defaults: unlimited attempts, shuffled questions, no time limit (WCAG 2.2.1: a limit is the exception).
/// </summary>
public sealed record AssessmentSettings(string FileName, int? AttemptsAllowed = null, bool Shuffle = true, int? TimeLimitMinutes = null);
