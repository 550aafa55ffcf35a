using IQLearning.Web.Infrastructure;

namespace IQLearning.Web.Features.Content.Import;

/// <summary>`content import DIR` and `content export DIR`.</summary>
internal sealed class ContentCommand(ContentImporter importer, ContentExporter exporter) : ISiteCommand
{
    public string Name => "content";
    public string Usage => "content import DIR | content export DIR";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 2 || arguments[0] is not ("import" or "export"))
        {
            await output.WriteLineAsync($"usage: {Usage}");
            return 2;
        }
        var directory = Path.GetFullPath(arguments[1]);
        if (arguments[0] == "export")
        {
            await exporter.ExportAsync(directory, cancellationToken);
            await output.WriteLineAsync($"Exported the published content to {directory}.");
            return 0;
        }
        var result = await importer.ImportAsync(directory, null, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await output.WriteLineAsync($"error: {error}");
            await output.WriteLineAsync($"{result.Errors.Count} error(s); nothing was imported.");
            return 1;
        }
        await output.WriteLineAsync($"Imported {directory}: {result.Summary!.NewVersions} new version(s), {result.Summary.Unchanged} unchanged.");
        return 0;
    }
}
