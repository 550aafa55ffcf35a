using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IQLearning.Tests.Browser;

public static class Axe
{
    /// <summary>Runs axe-core for WCAG 2.0/2.1 A and AA and fails with every violation spelled out.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Target + " " + n.Html + " " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))))}").ToList();
        Assert.True(violations.Count == 0, $"axe-core found on {page.Url}:\n" + string.Join("\n", violations));
        Assert.True(result.Passes.Length > 0, "axe-core ran no rule at all");
    }
}

public static class Keyboard
{
    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxTabs = 60)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        throw new InvalidOperationException($"{selector} was not reached with {maxTabs} presses of Tab on {page.Url}.");
    }

    public static Task<string> FocusedOutlineAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
}
