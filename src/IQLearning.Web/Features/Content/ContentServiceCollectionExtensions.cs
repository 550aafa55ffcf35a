using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Import;
using IQLearning.Web.Features.Content.Media;
using IQLearning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder imported on first start when the database has no content; relative to the content root. Empty: none.</summary>
    public string SeedDirectory { get; set; } = "../../content";

    /// <summary>Folder of uploaded and imported files, relative to the data directory.</summary>
    public string MediaDirectory { get; set; } = "media";
}

public static class ContentServiceCollectionExtensions
{
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        var dataDirectory = SiteOptions.ResolveDataDirectory(configuration);
        services.AddSingleton(sp => new MediaStore(Path.GetFullPath(Path.Combine(dataDirectory,
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.MediaDirectory))));
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddScoped<ContentActors>();
        services.AddScoped<ContentWorkflow>();
        services.AddSiteCommand<ContentCommand>();
        services.AddStartupTask<SeedShippedContent>();
        return services;
    }
}

/// <summary>Imports the shipped curriculum on the first start, when the database holds no content yet.</summary>
internal sealed class SeedShippedContent(AppDbContext db, ContentImporter importer, IOptions<ContentOptions> options,
    IWebHostEnvironment environment, ILogger<SeedShippedContent> logger) : IStartupTask
{
    public int Order => 30;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SeedDirectory) || await db.ContentItems.AnyAsync(cancellationToken)) return;
        var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.SeedDirectory));
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Content:SeedDirectory {Directory} does not exist; the site starts without content.", directory);
            return;
        }
        var result = await importer.ImportAsync(directory, null, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Content:SeedDirectory {directory} cannot be imported:\n" + string.Join("\n", result.Errors));
    }
}
