using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Assessments.SelfAssessment;

public sealed class SelfAssessmentOptions
{
    public const string Section = "SelfAssessments";

    /// <summary>Folder of the instrument files, relative to the content root; the shipped ones live in content/self-assessments.</summary>
    public string Directory { get; set; } = "../../content/self-assessments";
}

/// <summary>
/// The instruments, read once from their folder. A broken file stops the site at its first use with every error,
/// since a silently missing self-check would look like a bug to learners.
/// </summary>
public sealed class SelfAssessmentInstruments(IOptions<SelfAssessmentOptions> options, IWebHostEnvironment environment, ILogger<SelfAssessmentInstruments> logger)
{
    private readonly Lazy<IReadOnlyDictionary<string, SelfAssessmentInstrument>> _all = new(() => Load(options.Value, environment, logger));

    public IEnumerable<SelfAssessmentInstrument> All => _all.Value.Values.OrderBy(i => i.Slug, StringComparer.Ordinal);

    public SelfAssessmentInstrument? Find(string slug) => _all.Value.GetValueOrDefault(slug);

    private static IReadOnlyDictionary<string, SelfAssessmentInstrument> Load(SelfAssessmentOptions options, IWebHostEnvironment environment, ILogger logger)
    {
        var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Directory));
        if (!System.IO.Directory.Exists(directory))
        {
            logger.LogWarning("SelfAssessments:Directory {Directory} does not exist; no self-assessment is offered.", directory);
            return new Dictionary<string, SelfAssessmentInstrument>();
        }
        var instruments = new Dictionary<string, SelfAssessmentInstrument>();
        var errors = new List<string>();
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var (instrument, problems) = InstrumentReader.Read(Path.GetFileName(file), File.ReadAllText(file));
            errors.AddRange(problems);
            if (instrument is not null) instruments[instrument.Slug] = instrument;
        }
        return errors.Count == 0 ? instruments : throw new InvalidDataException("Self-assessments cannot be read:\n" + string.Join("\n", errors));
    }
}
