using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace IQLearning.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in its feature folder: a controller in namespace
/// IQLearning.Web.Features.Admin looks in /Features/Admin/{Controller}/ and /Features/Admin/.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
            context.Values[Key] = FeatureOf(action.ControllerTypeInfo.Namespace);
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }
        yield return "/Features/Shared/{0}.cshtml";
        foreach (var location in viewLocations) yield return location;
    }

    internal static string? FeatureOf(string? controllerNamespace)
    {
        const string prefix = "IQLearning.Web.Features.";
        if (controllerNamespace is null || !controllerNamespace.StartsWith(prefix, StringComparison.Ordinal)) return null;
        return controllerNamespace[prefix.Length..].Replace('.', '/');
    }
}
