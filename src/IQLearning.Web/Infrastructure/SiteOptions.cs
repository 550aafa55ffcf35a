namespace IQLearning.Web.Infrastructure;

/// <summary>Where the site keeps its files and how it names itself in mail and imprint.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Folder for the SQLite files, mail pickup and uploads; relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Absolute base URL used in links that leave the site (mails, QR codes). Empty: taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    public string OperatorName { get; set; } = "";
    public string OperatorAddress { get; set; } = "";
    public string OperatorEmail { get; set; } = "";

    /// <summary>The time zone pages show times in (an IANA id such as Europe/Berlin); stored times stay UTC.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    internal static string ResolveDataDirectory(IConfiguration configuration)
    {
        var configured = configuration[$"{Section}:{nameof(DataDirectory)}"];
        var directory = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        var contentRoot = configuration[WebHostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.IsPathRooted(directory) ? directory : Path.Combine(contentRoot, directory));
    }
}
