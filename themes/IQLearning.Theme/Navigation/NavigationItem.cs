using System.Security.Claims;

namespace IQLearning.Theme.Navigation;

/// <summary>
/// One entry of the main navigation. Features register their entries; the theme renders those the user may see.
/// </summary>
/// <param name="TextKey">Key of the label in the text catalog.</param>
/// <param name="Path">Local URL the entry links to.</param>
/// <param name="Order">Position from left to right.</param>
/// <param name="IsVisibleTo">Whether the signed-in (or anonymous) user sees the entry; null for everyone.</param>
public sealed record NavigationItem(string TextKey, string Path, int Order, Func<ClaimsPrincipal, bool>? IsVisibleTo = null);
