using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Authoring;

/// <summary>The audit trail stores actions as English words ("submitted", "restored from v2"); the page shows them in the reader's language.</summary>
public static partial class AuditAction
{
    private static readonly string[] Known = ["created", "saved", "submitted", "published", "returned", "archived", "imported"];

    public static string Text(string action, IStringLocalizer t)
    {
        if (Known.Contains(action)) return t[$"Authoring.Audit.{action}"];
        var restored = Restored().Match(action);
        return restored.Success ? t["Authoring.Audit.Restored", restored.Groups[1].Value] : action;
    }

    [GeneratedRegex(@"^restored from v(\d+)$")]
    private static partial Regex Restored();
}
