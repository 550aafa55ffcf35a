namespace IQLearning.Tests.Support;

/// <summary>
/// Every test class that starts the site belongs to this one collection, so classes run one after another:
/// Hangfire keeps static state, and two hosts side by side break each other. Each class gets its own site
/// (a class fixture), which is disposed before the next class starts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection
{
    public const string Name = "site";
}

/// <summary>The site on TestServer with a real SQLite file and a real SMTP server.</summary>
public sealed class TestSite() : SiteFactory(startSmtp: true, kestrel: false);
