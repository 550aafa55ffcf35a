using System.ComponentModel.DataAnnotations;
using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Web.Features.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest image, document or captions file in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest video in bytes; its captions file counts against <see cref="MaxUploadBytes"/>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 300L * 1024 * 1024;

    /// <summary>Room for the text fields and multipart headers next to the two files of one upload.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    /// <summary>The whole upload request: a video, its captions and the text fields.</summary>
    public long MaxRequestBytes => Math.Max(MaxVideoBytes, MaxUploadBytes) + MaxUploadBytes + FormOverheadBytes;
}

public static class MediaServiceCollectionExtensions
{
    public const string AuthorsPolicy = "MediaAuthors";

    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(AuthorsPolicy, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Author, Roles.Reviewer, Roles.Administrator));
        services.AddScoped<UploadMedia>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUploadReader>();
        services.AddSingleton(new NavigationItem("Media.Nav", "/author/media", 60,
            u => u.IsInRole(Roles.Author) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.Administrator)));
        return services;
    }
}
