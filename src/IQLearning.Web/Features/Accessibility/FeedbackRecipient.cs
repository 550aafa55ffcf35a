using IQLearning.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>The address reports are mailed to: Accessibility:FeedbackRecipient, else Site:OperatorEmail, else none.</summary>
public sealed class FeedbackRecipient(IOptions<AccessibilityOptions> accessibility, IOptions<SiteOptions> site)
{
    public string? Address =>
        new[] { accessibility.Value.FeedbackRecipient, site.Value.OperatorEmail }
            .Select(a => a?.Trim()).FirstOrDefault(a => !string.IsNullOrEmpty(a));
}
