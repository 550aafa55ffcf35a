namespace IQLearning.Web.Features.Content.Files;

/// <summary>Collects errors while reading, so that one import reports every problem at once.</summary>
internal sealed class ContentErrors
{
    private readonly List<ContentError> _errors = [];

    public int Count => _errors.Count;
    public IReadOnlyList<ContentError> All => _errors;

    public void Add(string file, int line, string field, string message) => _errors.Add(new(file, line, field, message));
}
