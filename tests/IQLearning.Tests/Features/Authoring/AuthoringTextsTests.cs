using IQLearning.Web.Features.Authoring;
using IQLearning.Web.Features.Content.Files;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Infrastructure.Localization;

namespace IQLearning.Tests.Features.Authoring;

/// <summary>The texts the authoring pages look up by a value (kind, status, audience, audit action) exist in both languages.</summary>
public sealed class AuthoringTextsTests
{
    private static readonly TextCatalog Catalog =
        TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(IQLearning.Theme.ThemeMarker).Assembly);

    public static TheoryData<string> DynamicKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var kind in Enum.GetValues<ContentKind>()) keys.Add($"Authoring.Kind.{kind}");
        foreach (var kind in AuthoringDashboard.EditorialKinds) keys.Add($"Authoring.New.{kind}");
        foreach (var status in Enum.GetValues<VersionStatus>()) keys.Add($"Authoring.Status.{status}");
        foreach (var audience in ContentNames.Audiences) keys.Add($"Authoring.Audience.{audience}");
        foreach (var language in ContentNames.Languages) keys.Add($"Authoring.Language.{language}");
        foreach (var action in new[] { "created", "saved", "submitted", "published", "returned", "archived", "imported" }) keys.Add($"Authoring.Audit.{action}");
        return keys;
    }

    [Theory, MemberData(nameof(DynamicKeys))]
    public void The_text_exists_in_german_and_english(string key)
    {
        Assert.True(Catalog.For("de").ContainsKey(key), key);
        Assert.True(Catalog.For("en").ContainsKey(key), key);
    }
}
