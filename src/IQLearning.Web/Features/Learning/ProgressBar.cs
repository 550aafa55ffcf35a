namespace IQLearning.Web.Features.Learning;

/// <summary>The lessons-done bar; <paramref name="Id"/> must be unique on the page.</summary>
public sealed record ProgressBar(string Id, int Done, int Total)
{
    public const string Partial = "~/Features/Learning/_ProgressBar.cshtml";
    public const string DatePartial = "~/Features/Learning/_Date.cshtml";
}
