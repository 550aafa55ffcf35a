using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Catalog;

/// <summary>
/// The filters of the course catalog and the materials library, bound from the query string of a plain GET form.
/// Unknown values are dropped rather than answered with an error: a filter link from an old bookmark still works.
/// </summary>
public sealed class CatalogFilter
{
    public static readonly string[] Audiences = ["hr", "jobcentre", "administration"];
    public static readonly string[] Languages = ["de", "en"];

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "audience")] public string? Audience { get; set; }
    /// <summary>Check boxes: none means "in my language" (one of each translated pair); each checked one lists all in it.</summary>
    [FromQuery(Name = "language")] public List<string> Language { get; set; } = [];
    [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [FromQuery(Name = "duration")] public string? Duration { get; set; }

    public IReadOnlyList<string> Terms => SearchTerms.Of(Query);

    public CatalogFilter Normalised() => new()
    {
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
        Audience = Audiences.Contains(Audience) ? Audience : null,
        Language = Language.Where(Languages.Contains).Distinct().ToList(),
        Topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic.Trim(),
        Duration = DurationBand.Find(Duration)?.Key,
    };

    public bool IsEmpty => Query is null && Audience is null && Language.Count == 0 && Topic is null && Duration is null;

    /// <summary>The filters held in metadata JSON (audience, topic) are applied in memory: JSON queries differ per database.</summary>
    public bool Matches(IReadOnlyList<string> audiences, IReadOnlyList<string> topics) =>
        (Audience is null || audiences.Contains(Audience)) && (Topic is null || topics.Contains(Topic));
}

/// <summary>The duration choices of the course catalog, in whole minutes (both bounds inclusive).</summary>
public sealed record DurationBand(string Key, int MinMinutes, int MaxMinutes)
{
    public static readonly DurationBand[] All =
    [
        new("short", 0, 120),
        new("medium", 121, 240),
        new("long", 241, int.MaxValue),
    ];

    public static DurationBand? Find(string? key) => All.FirstOrDefault(b => b.Key == key);

    public bool Contains(int minutes) => minutes >= MinMinutes && minutes <= MaxMinutes;
}
