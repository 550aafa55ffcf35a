using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Authoring;

/// <summary>Names to show for the user ids stored on versions and audit entries (the display name, else the address).</summary>
internal static class PersonNames
{
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(this AppDbContext db, IEnumerable<string?> userIds,
        CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.Id, p => string.IsNullOrWhiteSpace(p.DisplayName) ? p.Email ?? p.Id : p.DisplayName);
    }

    public static string NameOf(this IReadOnlyDictionary<string, string> names, string? userId) =>
        userId is not null && names.TryGetValue(userId, out var name) ? name : "–";
}
